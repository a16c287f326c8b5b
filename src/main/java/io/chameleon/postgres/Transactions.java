package io.chameleon.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection, restoring its auto-commit mode; rolls back on any failure. */
public final class Transactions {

    /** Work that may fail with SQLException. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
