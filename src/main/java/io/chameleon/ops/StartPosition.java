package io.chameleon.ops;

import io.chameleon.catalogue.ReplicatedTable;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SchemaHistoryRepository;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.UsageException;
import io.chameleon.config.ConfigurationException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.GtidSets;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.Transactions;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code start_replica --from FILE:POS}: replication from given coordinates without a copy, for data loaded by
 * other means. The source's tables are registered (without copy coordinates) and the source is consistent at once.
 */
public final class StartPosition {

    /**
     * File name of a position known by GTID only: it sorts before every real binlog file, and the stream's first
     * rotate event replaces it with the real one.
     */
    static final String GTID_ONLY_FILE = "by-gtid.000000";

    private StartPosition() {
    }

    public static void startFrom(Connection pg, ChameleonConfig config, SourceConfig source, SourceRecord record,
                                 String from, PrintWriter out) throws SQLException {
        BinlogPosition position;
        try {
            position = BinlogPosition.parse(from);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--from: " + e.getMessage());
        }
        register(pg, config, source, record, position, out);
    }

    /**
     * {@code start_replica --from-gtid SET}: the same, positioned by GTID. The file coordinates are unknown until
     * the stream's first rotate event names them; the reader connects by the GTID set.
     */
    public static void startFromGtid(Connection pg, ChameleonConfig config, SourceConfig source,
                                     SourceRecord record, String gtidSet, PrintWriter out) throws SQLException {
        if (!source.gtidEnable()) {
            throw new ConfigurationException("source " + source.name() + ": --from-gtid needs gtid_enable: true in"
                    + " its configuration");
        }
        String set = gtidSet.trim();
        if (!GtidSets.isMariaDb(set) && !GtidSets.isMySql(set)) {
            throw new UsageException("--from-gtid: '" + set + "' is neither a MariaDB GTID position"
                    + " (domain-server-sequence, comma-separated) nor a MySQL GTID set (uuid:interval)");
        }
        register(pg, config, source, record, new BinlogPosition(GTID_ONLY_FILE, 4, set), out);
    }

    private static void register(Connection pg, ChameleonConfig config, SourceConfig source, SourceRecord record,
                                 BinlogPosition position, PrintWriter out) throws SQLException {
        List<SourceTable> tables;
        try (Connection mysql = new SourceConnector(source).connect()) {
            tables = new TableDiscovery(mysql).discover(source);
        }
        List<ReplicatedTable> entries = new ArrayList<>();
        for (SourceTable table : tables) {
            entries.add(new ReplicatedTable(table.schema(), table.name(), source.schemaMappings().get(table.schema()),
                    table.replicaKey().orElse(List.of()), table.notReplicatedReason().orElse(null), null, 0));
        }
        Transactions.inTransaction(pg, () -> {
            new ReplicatedTableRepository(pg, config.catalogueSchema()).upsert(record.id(), entries);
            new SchemaHistoryRepository(pg, config.catalogueSchema()).recordRegistered(record.id(), tables.stream()
                    .map(table -> new SchemaHistoryRepository.Registered(table, position)).toList());
            SourceRepository sources = new SourceRepository(pg, config.catalogueSchema());
            sources.recordCopy(record.id(), position, position, SourceStatus.STOPPED, "starts from " + describe(position));
            sources.markConsistent(record.id());
            return null;
        });
        out.println("Source " + source.name() + " will replicate " + tables.size() + " tables from "
                + describe(position) + ".");
    }

    private static String describe(BinlogPosition position) {
        return position.file().equals(GTID_ONLY_FILE) ? "GTID " + position.gtidSet() : position.toString();
    }
}
