package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@link ReplicaReading}: a few indexed queries, meant to run at most every few seconds. */
public final class ReplicaReadingRepository {

    private final Connection connection;
    private final String schema;

    public ReplicaReadingRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    public ReplicaReading read(int sourceId) throws SQLException {
        SourceOverview overview = new SourceRepository(connection, schema).overview().stream()
                .filter(o -> o.id() == sourceId).findFirst()
                .orElseThrow(() -> new StateException("source id " + sourceId + " is not in catalogue " + schema));
        String pending = " FROM " + table("log_batch") + " WHERE source_id = ? AND complete AND replayed_at IS NULL";
        String sql = "SELECT (SELECT count(*)" + pending + "), (SELECT coalesce(sum(row_count), 0)" + pending + "),"
                + " (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree(?::regclass)),"
                + " (SELECT count(*) FROM " + table("replay_error") + " WHERE source_id = ?),"
                + " b.end_binlog_file, b.end_binlog_position, b.end_gtid_set"
                + " FROM (SELECT 1) one LEFT JOIN " + table("replay_progress") + " p ON p.source_id = ?"
                + " LEFT JOIN " + table("log_batch") + " b ON b.batch_id = p.last_batch_id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            ps.setInt(2, sourceId);
            ps.setString(3, table("change_log"));
            ps.setInt(4, sourceId);
            ps.setInt(5, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String file = rs.getString(5);
                BinlogPosition applied = file == null ? null : new BinlogPosition(file, rs.getLong(6), rs.getString(7));
                return new ReplicaReading(overview.readLag(), overview.replayLag(), applied, rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        new ReplicatedTableRepository(connection, schema).status(sourceId));
            }
        }
    }

    /** Where the replica of the source stands, for verify's re-checks. */
    public AppliedHorizon horizon(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT r.binlog_file, r.binlog_position,"
                + " b.start_binlog_file, b.start_binlog_position FROM (SELECT 1) one"
                + " LEFT JOIN " + table("read_position") + " r ON r.source_id = ?"
                + " LEFT JOIN LATERAL (SELECT start_binlog_file, start_binlog_position FROM " + table("log_batch")
                + " WHERE source_id = ? AND replayed_at IS NULL ORDER BY batch_id LIMIT 1) b ON true")) {
            ps.setInt(1, sourceId);
            ps.setInt(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AppliedHorizon(rs.getString(1) == null ? null : new BinlogPosition(rs.getString(1),
                        rs.getLong(2)), rs.getString(3) == null ? null : new BinlogPosition(rs.getString(3),
                        rs.getLong(4)));
            }
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
