package io.chameleon.replay;

import io.chameleon.postgres.PgIdentifiers;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Writes replay_error rows. Writing one must never take the worker down nor abort the replay transaction around
 * it: inside a transaction the insert runs under its own savepoint, and any failure is logged and swallowed.
 */
final class ReplayErrorLog {

    private static final Logger LOG = Logger.getLogger(ReplayErrorLog.class);

    private final String sql;

    ReplayErrorLog(String catalogueSchema) {
        this.sql = "INSERT INTO " + PgIdentifiers.qualified(catalogueSchema, "replay_error")
                + " (source_id, batch_id, destination_schema, table_name, binlog_file, binlog_position, statement,"
                + " sqlstate, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Records the failure; returns false (after logging why) when the row could not be written. */
    boolean write(Connection connection, ReplayFailure failure) {
        try {
            boolean inTransaction = !connection.getAutoCommit();
            if (inTransaction) {
                execute(connection, "SAVEPOINT replay_error");
            }
            try {
                insert(connection, failure);
                if (inTransaction) {
                    execute(connection, "RELEASE SAVEPOINT replay_error");
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                if (inTransaction) {
                    execute(connection, "ROLLBACK TO SAVEPOINT replay_error; RELEASE SAVEPOINT replay_error");
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("event=replay_error_not_recorded source=%d table=%s.%s binlog=%s:%s reason=\"%s\" error=\"%s\"",
                    failure.sourceId(), failure.destinationSchema(), failure.tableName(), failure.binlogFile(),
                    failure.binlogPosition(), e.getMessage(), failure.message());
            return false;
        }
    }

    private void insert(Connection connection, ReplayFailure failure) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, failure.sourceId());
            ps.setObject(2, failure.batchId(), Types.BIGINT);
            ps.setString(3, failure.destinationSchema());
            ps.setString(4, failure.tableName());
            ps.setString(5, failure.binlogFile());
            ps.setObject(6, failure.binlogPosition(), Types.BIGINT);
            ps.setString(7, failure.statement());
            ps.setString(8, failure.sqlState());
            ps.setString(9, failure.message());
            ps.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
