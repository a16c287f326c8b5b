package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The replay_error rows: show_errors reads them; a replica that stops on a failure records it here too. */
public final class ReplayErrorRepository {

    public record ReplayError(long id, String source, Long batchId, String schema, String table, String position,
                              OffsetDateTime occurredAt, String sqlstate, String message, String statement) {
    }

    private final Connection connection;
    private final String schema;

    public ReplayErrorRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /**
     * Records why a replica process stopped, at the position it stopped reading ({@code at}, or the catalogue's
     * read position when the reader logged nothing in this process), so show_errors lists it with the rest.
     */
    public void recordProcessFailure(int sourceId, BinlogPosition at, String sqlState, String message)
            throws SQLException {
        String readPosition = "(SELECT %s FROM " + PgIdentifiers.qualified(schema, "read_position")
                + " WHERE source_id = ?)";
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO "
                + PgIdentifiers.qualified(schema, "replay_error") + " (source_id, binlog_file, binlog_position,"
                + " sqlstate, error_message) VALUES (?, coalesce(?, " + readPosition.formatted("binlog_file")
                + "), coalesce(?, " + readPosition.formatted("binlog_position") + "), ?, ?)")) {
            ps.setInt(1, sourceId);
            ps.setString(2, at == null ? null : at.file());
            ps.setInt(3, sourceId);
            ps.setObject(4, at == null ? null : at.position(), java.sql.Types.BIGINT);
            ps.setInt(5, sourceId);
            ps.setString(6, sqlState);
            ps.setString(7, message);
            ps.executeUpdate();
        }
    }

    /**
     * Records a problem the reader found with one table that replay will never meet (the table is not replicated,
     * so replay skips its events), so that show_errors lists it all the same.
     */
    public void recordTableError(int sourceId, String destinationSchema, String tableName, BinlogPosition at,
                                 String statement, String sqlState, String message) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO "
                + PgIdentifiers.qualified(schema, "replay_error") + " (source_id, destination_schema, table_name,"
                + " binlog_file, binlog_position, statement, sqlstate, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, sourceId);
            ps.setString(2, destinationSchema);
            ps.setString(3, tableName);
            ps.setString(4, at.file());
            ps.setLong(5, at.position());
            ps.setString(6, statement);
            ps.setString(7, sqlState);
            ps.setString(8, message);
            ps.executeUpdate();
        }
    }

    /**
     * Records a change replay could not apply (batch id, table and position are null where unknown). Throws as any
     * statement does: the replay worker runs it under a savepoint and only logs a failure to record.
     */
    public void recordReplayFailure(int sourceId, Long batchId, String destinationSchema, String tableName,
                                    String binlogFile, Long binlogPosition, String statement, String sqlState,
                                    String message) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO "
                + PgIdentifiers.qualified(schema, "replay_error") + " (source_id, batch_id, destination_schema,"
                + " table_name, binlog_file, binlog_position, statement, sqlstate, error_message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, sourceId);
            ps.setObject(2, batchId, java.sql.Types.BIGINT);
            ps.setString(3, destinationSchema);
            ps.setString(4, tableName);
            ps.setString(5, binlogFile);
            ps.setObject(6, binlogPosition, java.sql.Types.BIGINT);
            ps.setString(7, statement);
            ps.setString(8, sqlState);
            ps.setString(9, message);
            ps.executeUpdate();
        }
    }

    /** How many errors and warnings a source has on record, and when the newest was recorded (null when none). */
    public record Tally(long count, OffsetDateTime newest) {
    }

    public Tally tally(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*), max(occurred_at) FROM "
                + PgIdentifiers.qualified(schema, "replay_error") + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Tally(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    /** Errors of one source (or all when null), or the one with the given id, newest first. */
    public List<ReplayError> list(String sourceName, Long errorId) throws SQLException {
        List<ReplayError> errors = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT e.error_id, s.source_name, e.batch_id,"
                + " e.destination_schema, e.table_name, e.binlog_file || ':' || e.binlog_position, e.occurred_at,"
                + " e.sqlstate, e.error_message, e.statement FROM " + PgIdentifiers.qualified(schema, "replay_error")
                + " e JOIN " + PgIdentifiers.qualified(schema, "source") + " s USING (source_id)"
                + " WHERE (?::text IS NULL OR s.source_name = ?) AND (?::bigint IS NULL OR e.error_id = ?)"
                + " ORDER BY e.error_id DESC")) {
            ps.setString(1, sourceName);
            ps.setString(2, sourceName);
            ps.setObject(3, errorId);
            ps.setObject(4, errorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(new ReplayError(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return errors;
    }
}
