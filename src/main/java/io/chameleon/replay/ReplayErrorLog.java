package io.chameleon.replay;

import io.chameleon.catalogue.ReplayErrorRepository;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes replay_error rows. Writing one must never take the worker down nor abort the replay transaction around
 * it: inside a transaction the insert runs under its own savepoint, and any failure is logged and swallowed.
 */
final class ReplayErrorLog {

    private static final Logger LOG = Logger.getLogger(ReplayErrorLog.class);

    private final String catalogueSchema;

    ReplayErrorLog(String catalogueSchema) {
        this.catalogueSchema = catalogueSchema;
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
        new ReplayErrorRepository(connection, catalogueSchema).recordReplayFailure(failure.sourceId(),
                failure.batchId(), failure.destinationSchema(), failure.tableName(), failure.binlogFile(),
                failure.binlogPosition(), failure.statement(), failure.sqlState(), failure.message());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
