package io.chameleon.capture;

import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.config.SkipEvents;
import io.chameleon.config.SourceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which row events are logged: tables of mapped databases that are registered and enabled for
 * replication, minus {@code skip_events}, and only once the stream has passed each table's copy snapshot.
 */
final class ChangeFilter {

    private final SourceConfig source;
    private final Map<String, CapturedTable> tables;

    /** @param tables by {@code database.table} (origin names) */
    ChangeFilter(SourceConfig source, Map<String, CapturedTable> tables) {
        this.source = source;
        this.tables = tables;
    }

    boolean isMapped(String database) {
        return database != null && source.schemaMappings().containsKey(database);
    }

    /** The table the rows belong to, or null when they are not to be logged. */
    CapturedTable tableFor(CapturedEvent.Rows rows) {
        if (!isMapped(rows.database())) {
            return null;
        }
        CapturedTable table = tables.get(rows.database() + "." + rows.table());
        if (table == null || skipped(rows.operation(), rows.database(), rows.table())) {
            return null;
        }
        return table.inCopy(rows.position()) ? null : table;
    }

    /** The captured table of that id (a scan: for the rare statement that names tables by id). */
    java.util.Optional<CapturedTable> capturedById(int tableId) {
        return tables.values().stream().filter(table -> table.tableId() == tableId).findFirst();
    }

    /** The captured table a TRUNCATE statement empties, or null when it is not one of them. */
    CapturedTable truncated(String defaultDatabase, TruncateStatement.Target target,
                            io.chameleon.mysql.BinlogPosition position) {
        String database = target.database() != null ? target.database() : defaultDatabase;
        if (!isMapped(database)) {
            return null;
        }
        CapturedTable table = tables.get(database + "." + target.table());
        if (table == null || skipped(RowOperation.TRUNCATE, database, target.table())) {
            return null;
        }
        return table.inCopy(position) ? null : table;
    }

    /** Catalogue ids of the tables whose copy position the stream passed since the last call. */
    List<Integer> tablesThatReachedConsistency() {
        List<Integer> reached = new ArrayList<>();
        for (CapturedTable table : tables.values()) {
            if (table.takeReachedConsistency()) {
                reached.add(table.tableId());
            }
        }
        return reached;
    }

    private boolean skipped(RowOperation operation, String database, String table) {
        SkipEvents skip = source.skipEvents();
        List<String> names = switch (operation) {
            case INSERT -> skip.insert();
            case UPDATE -> skip.update();
            case DELETE, TRUNCATE -> skip.delete();
            case SCHEMA -> List.of();
        };
        return !names.isEmpty() && (names.contains(database) || names.contains(database + "." + table));
    }
}
