package io.chameleon.catalogue;

import io.chameleon.catalogue.changelog.ChangeLogFormat;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The registry of copied tables of a source, with their replica keys and copy coordinates. */
public final class ReplicatedTableRepository {

    private final Connection connection;
    private final String schema;

    public ReplicatedTableRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** Records (or re-records, after a new copy) the given tables; the caller owns the transaction. */
    public void upsert(int sourceId, List<ReplicatedTable> tables) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table()
                + " (source_id, origin_schema, table_name, destination_schema, key_columns, replica_enabled,"
                + " not_replicated_reason, copy_binlog_file, copy_binlog_position, copy_gtid_set, copied_rows,"
                + " copied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (source_id, origin_schema, table_name) DO UPDATE SET"
                + " destination_schema = excluded.destination_schema, key_columns = excluded.key_columns,"
                + " replica_enabled = excluded.replica_enabled, not_replicated_reason = excluded.not_replicated_reason,"
                + " copy_binlog_file = excluded.copy_binlog_file, copy_binlog_position = excluded.copy_binlog_position,"
                + " copy_gtid_set = excluded.copy_gtid_set, copied_rows = excluded.copied_rows, copied_at = now()")) {
            for (ReplicatedTable t : tables) {
                ps.setInt(1, sourceId);
                ps.setString(2, t.originSchema());
                ps.setString(3, t.tableName());
                ps.setString(4, t.destinationSchema());
                ps.setArray(5, t.replicated() ? connection.createArrayOf("text", t.keyColumns().toArray()) : null);
                ps.setBoolean(6, t.replicated());
                ps.setString(7, t.notReplicatedReason());
                BinlogPosition at = t.copyPosition();
                ps.setString(8, at == null ? null : at.file());
                ps.setObject(9, at == null ? null : at.position());
                ps.setString(10, at == null ? null : at.gtidSet());
                ps.setLong(11, t.copiedRows());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records one table (created on the source by DDL) and returns its catalogue id. */
    public int register(int sourceId, ReplicatedTable table) throws SQLException {
        upsert(sourceId, List.of(table));
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_id FROM " + table()
                + " WHERE source_id = ? AND origin_schema = ? AND table_name = ?")) {
            ps.setInt(1, sourceId);
            ps.setString(2, table.originSchema());
            ps.setString(3, table.tableName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A table renamed on the source (and moved, when it changed database): same id, new names. */
    public void rename(int tableId, String originSchema, String tableName, String destinationSchema)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET origin_schema = ?,"
                + " table_name = ?, destination_schema = ? WHERE table_id = ?")) {
            ps.setString(1, originSchema);
            ps.setString(2, tableName);
            ps.setString(3, destinationSchema);
            ps.setInt(4, tableId);
            ps.executeUpdate();
        }
    }

    /** The replica key of a table changed on the source; an empty key means it is no longer replicated. */
    public void setKey(int tableId, List<String> keyColumns, String notReplicatedReason) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET key_columns = ?,"
                // a table that had no key starts replication enabled; one disabled by an error stays disabled
                + " replica_enabled = replica_enabled OR key_columns IS NULL,"
                + " not_replicated_reason = ? WHERE table_id = ?")) {
            ps.setArray(1, keyColumns.isEmpty() ? null : connection.createArrayOf("text", keyColumns.toArray()));
            ps.setString(2, keyColumns.isEmpty() ? notReplicatedReason : null);
            ps.setInt(3, tableId);
            ps.executeUpdate();
        }
    }

    /** A table dropped on the source. */
    public void delete(int tableId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table() + " WHERE table_id = ?")) {
            ps.setInt(1, tableId);
            ps.executeUpdate();
        }
    }

    /** Tables whose copy position the stream has passed: their changes are all captured from now on. */
    public void forgetCopyPositions(List<Integer> tableIds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET copy_binlog_file = NULL,"
                + " copy_binlog_position = NULL, copy_gtid_set = NULL WHERE table_id = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("integer", tableIds.toArray()));
            ps.executeUpdate();
        }
    }

    /** Forgets every table of the source, before a full copy records them again. */
    public void deleteAll(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table() + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            ps.executeUpdate();
        }
    }

    public void deleteSchema(int sourceId, String originSchema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM " + table() + " WHERE source_id = ? AND origin_schema = ?")) {
            ps.setInt(1, sourceId);
            ps.setString(2, originSchema);
            ps.executeUpdate();
        }
    }

    public List<ReplicatedTable> list(int sourceId) throws SQLException {
        return registered(sourceId).stream().map(RegisteredTable::table).toList();
    }

    /** Every table of the source with its catalogue id and replication switch. */
    public List<RegisteredTable> registered(int sourceId) throws SQLException {
        List<RegisteredTable> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT origin_schema, table_name, destination_schema,"
                + " key_columns, not_replicated_reason, copy_binlog_file, copy_binlog_position, copy_gtid_set,"
                + " coalesce(copied_rows, 0), table_id, replica_enabled FROM " + table()
                + " WHERE source_id = ? ORDER BY origin_schema, table_name")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array key = rs.getArray(4);
                    String file = rs.getString(6);
                    ReplicatedTable table = new ReplicatedTable(rs.getString(1), rs.getString(2), rs.getString(3),
                            key == null ? List.of() : Arrays.asList((String[]) key.getArray()), rs.getString(5),
                            file == null ? null : new BinlogPosition(file, rs.getLong(7), rs.getString(8)),
                            rs.getLong(9));
                    tables.add(new RegisteredTable(rs.getInt(10), table, rs.getBoolean(11)));
                }
            }
        }
        return tables;
    }

    /** Every table of the source with its replication state and counters, by origin name. */
    public List<TableStatus> status(int sourceId) throws SQLException {
        List<TableStatus> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT t.origin_schema, t.table_name,"
                + " t.destination_schema, CASE WHEN t.key_columns IS NULL THEN 'not replicated: '"
                + " || coalesce(t.not_replicated_reason, 'no key') WHEN NOT t.replica_enabled THEN 'disabled'"
                + " ELSE 'replicating' END, coalesce(t.copied_rows, 0), t.applied_changes, t.last_applied_at,"
                + " coalesce(p.n, 0) FROM " + table() + " t LEFT JOIN (" + pendingChangesPerTable() + ") p"
                + " ON p.table_id = t.table_id WHERE t.source_id = ? ORDER BY t.origin_schema, t.table_name")) {
            ps.setInt(1, sourceId);
            ps.setInt(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableStatus(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getObject(7, java.time.OffsetDateTime.class),
                            rs.getLong(8)));
                }
            }
        }
        return tables;
    }

    /**
     * Row changes logged and not replayed yet, per table_id, of the source given as the first parameter. A batch
     * carries its counts per table; only batches logged before catalogue version 9 have their rows counted.
     */
    private String pendingChangesPerTable() {
        return "SELECT s.table_id, sum(s.n) AS n FROM " + PgIdentifiers.qualified(schema, "log_batch") + " b"
                + " CROSS JOIN LATERAL (SELECT u.table_id, u.n FROM unnest(b.table_ids, b.table_rows) AS u (table_id, n)"
                + " UNION ALL SELECT c.table_id, count(*) FROM " + PgIdentifiers.qualified(schema, "change_log") + " c"
                + " WHERE b.table_ids IS NULL AND c.batch_id = b.batch_id"
                + " AND c.operation IN " + ChangeLogFormat.TABLE_CHANGES
                + " GROUP BY c.table_id) s WHERE b.source_id = ? AND b.complete AND b.replayed_at IS NULL"
                + " GROUP BY s.table_id";
    }

    /** Tables whose replication was switched off by replay errors, as origin schema.table. */
    public List<String> disabled(int sourceId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT origin_schema || '.' || table_name FROM "
                + table() + " WHERE source_id = ? AND key_columns IS NOT NULL AND NOT replica_enabled ORDER BY 1")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private String table() {
        return PgIdentifiers.qualified(schema, "replicated_table");
    }
}
