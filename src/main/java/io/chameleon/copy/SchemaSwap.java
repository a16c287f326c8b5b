package io.chameleon.copy;

import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Publishes loaded tables. A whole schema is swapped in one transaction (readers see the old schema or the new
 * one, never a mix); single tables are moved one by one, each in its own transaction. Locks are awaited at most
 * {@code lock_timeout}.
 */
final class SchemaSwap {

    private final Connection pg;
    private final String lockTimeout;

    SchemaSwap(Connection pg, String lockTimeout) {
        this.pg = pg;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Replaces each destination schema by its loading schema, all in one transaction together with
     * {@code inSameTransaction} (the catalogue's record of the copy), then drops the old schemas.
     */
    void swapSchemas(List<String> destinations, SqlWork inSameTransaction) throws SQLException {
        inTransaction(() -> {
            for (String destination : destinations) {
                String loading = LoadingSchemas.loading(destination);
                String retired = LoadingSchemas.retired(destination);
                execute("DROP SCHEMA IF EXISTS " + PgIdentifiers.quote(retired) + " CASCADE");
                if (schemaExists(destination)) {
                    execute("ALTER SCHEMA " + PgIdentifiers.quote(destination) + " RENAME TO "
                            + PgIdentifiers.quote(retired));
                }
                execute("ALTER SCHEMA " + PgIdentifiers.quote(loading) + " RENAME TO " + PgIdentifiers.quote(destination));
            }
            inSameTransaction.run();
        });
        inTransaction(() -> {
            for (String destination : destinations) {
                execute("DROP SCHEMA IF EXISTS " + PgIdentifiers.quote(LoadingSchemas.retired(destination)) + " CASCADE");
            }
        });
    }

    /**
     * Moves one loaded table (and its enum types) from its loading schema into the destination schema, replacing
     * the table of the same name, in one transaction.
     */
    void moveTable(String destination, String table, List<String> enumTypes, SqlWork inSameTransaction)
            throws SQLException {
        String loading = LoadingSchemas.loading(destination);
        inTransaction(() -> {
            execute("CREATE SCHEMA IF NOT EXISTS " + PgIdentifiers.quote(destination));
            execute("DROP TABLE IF EXISTS " + PgIdentifiers.qualified(destination, table) + " CASCADE");
            for (String type : enumTypes) {
                execute("DROP TYPE IF EXISTS " + PgIdentifiers.qualified(destination, type) + " CASCADE");
                execute("ALTER TYPE " + PgIdentifiers.qualified(loading, type) + " SET SCHEMA "
                        + PgIdentifiers.quote(destination));
            }
            execute("ALTER TABLE " + PgIdentifiers.qualified(loading, table) + " SET SCHEMA "
                    + PgIdentifiers.quote(destination));
            inSameTransaction.run();
        });
    }

    /** Creates (or re-creates, after a failed run) an empty loading schema for each destination. */
    void prepareLoadingSchemas(Map<String, String> destinations) throws SQLException {
        inTransaction(() -> {
            for (String destination : destinations.values()) {
                String loading = LoadingSchemas.loading(destination);
                execute("DROP SCHEMA IF EXISTS " + PgIdentifiers.quote(loading) + " CASCADE");
                execute("CREATE SCHEMA " + PgIdentifiers.quote(loading));
            }
        });
    }

    /** Removes loading schemas after a failure, so nothing half-built stays behind. */
    void dropLoadingSchemas(Iterable<String> destinations) {
        for (String destination : destinations) {
            try {
                inTransaction(() -> execute("DROP SCHEMA IF EXISTS "
                        + PgIdentifiers.quote(LoadingSchemas.loading(destination)) + " CASCADE"));
            } catch (SQLException ignored) {
                // the next run drops it before loading again
            }
        }
    }

    private boolean schemaExists(String schema) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }

    private void inTransaction(SqlWork work) throws SQLException {
        Transactions.inTransaction(pg, () -> {
            execute("SET LOCAL lock_timeout = " + PgIdentifiers.literal(lockTimeout));
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }
}
