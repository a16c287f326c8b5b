package io.chameleon.capture;

import io.chameleon.ddl.TableName;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.TableMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered source tables whose structure the reader knows, as of the stream position it has reached: those
 * it captures and those it keeps out of the log (no replica key). DDL updates them; the captured ones are mirrored
 * into the map the {@link ChangeFilter} reads.
 */
final class KnownTables {

    /**
     * @param enabled      replication switched on in the catalogue (a replay error may have switched it off)
     * @param copyPosition the table's copy snapshot until the stream passes it, else null
     */
    record Known(int tableId, SourceTable structure, String destinationSchema, boolean enabled,
                 BinlogPosition copyPosition) {

        List<String> key() {
            return structure.replicaKey().orElse(List.of());
        }

        TableName name() {
            return new TableName(structure.schema(), structure.name());
        }

        Known with(SourceTable newStructure, String newDestination) {
            return new Known(tableId, newStructure, newDestination, enabled, null);
        }
    }

    private final Map<String, Known> known = new HashMap<>();
    private final Map<String, CapturedTable> captured;
    private final TableMapper mapper;

    /** @param captured the filter's map of captured tables, by {@code database.table}; kept in step here */
    KnownTables(Map<String, CapturedTable> captured, TableMapper mapper) {
        this.captured = captured;
        this.mapper = mapper;
    }

    Optional<Known> find(TableName name) {
        return Optional.ofNullable(known.get(key(name)));
    }

    void put(Known table) {
        String name = key(table.name());
        known.put(name, table);
        if (table.enabled() && !table.key().isEmpty()) {
            captured.put(name, new CapturedTable(table.tableId(), table.structure(),
                    mapper.map(table.structure(), table.destinationSchema()), table.copyPosition()));
        } else {
            captured.remove(name);
        }
    }

    void remove(TableName name) {
        known.remove(key(name));
        captured.remove(key(name));
    }

    /** The captured table of that name: the filter's entry, which tracks the copy position. */
    Optional<CapturedTable> captured(TableName name) {
        return Optional.ofNullable(captured.get(key(name)));
    }

    private static String key(TableName name) {
        return name.database() + "." + name.table();
    }
}
