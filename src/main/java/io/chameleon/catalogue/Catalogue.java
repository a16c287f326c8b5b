package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replica catalogue schema in the target database: install, upgrade, drop and the version check every
 * command makes before it touches the catalogue.
 */
public final class Catalogue {

    /** Serialises concurrent create/upgrade runs against one database. */
    private static final long MIGRATION_LOCK = 0x4348414d454c4eL;

    private final Connection connection;
    private final String schema;
    private final String configName;

    /**
     * @param configName how the user names the configuration, for the commands suggested in messages
     */
    public Catalogue(Connection connection, String schema, String configName) {
        this.connection = connection;
        this.schema = schema;
        this.configName = configName;
    }

    public String schema() {
        return schema;
    }

    /** The connection this catalogue session works on, for the repositories of its tables. */
    public Connection connection() {
        return connection;
    }

    /** The installed version, empty when the catalogue schema does not exist. */
    public Optional<Integer> installedVersion() {
        try {
            if (!schemaExists()) {
                return Optional.empty();
            }
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT max(version) FROM " + table("catalogue_version"))) {
                rs.next();
                int version = rs.getInt(1);
                return rs.wasNull() ? Optional.of(0) : Optional.of(version);
            }
        } catch (SQLException e) {
            throw new StateException("schema " + schema + " exists but is not a chameleon catalogue: "
                    + e.getMessage() + "; set catalogue_schema to another name or drop that schema", e);
        }
    }

    /** Installs the catalogue at the latest version; a no-op (returning false) when it is already there. */
    public boolean create() {
        Optional<Integer> installed = installedVersion();
        if (installed.isPresent()) {
            requireCurrent();
            return false;
        }
        migrateTo(CatalogueMigrations.latestVersion());
        return true;
    }

    /**
     * Applies, in order and each in its own transaction, every migration above the installed version up to
     * {@code target}. Returns the migrations applied.
     */
    public List<CatalogueMigration> migrateTo(int target) {
        List<CatalogueMigration> applied = new ArrayList<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (CatalogueMigration migration : CatalogueMigrations.ALL) {
                    if (migration.version() > target) {
                        break;
                    }
                    lockMigrations();
                    int installed = installedVersion().orElse(0);
                    if (migration.version() <= installed) {
                        connection.commit();
                        continue;
                    }
                    apply(migration);
                    connection.commit();
                    applied.add(migration);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StateException("catalogue migration failed in schema " + schema + ": " + e.getMessage(), e);
        }
        return applied;
    }

    /** Upgrades an existing catalogue to the latest version; refuses when none is installed. */
    public List<CatalogueMigration> upgrade() {
        int installed = installedVersion().orElseThrow(this::missing);
        if (installed > CatalogueMigrations.latestVersion()) {
            throw newerThanCode(installed);
        }
        return migrateTo(CatalogueMigrations.latestVersion());
    }

    /** Drops the catalogue schema and everything in it; replicated schemas are separate and stay. */
    public boolean drop() {
        try {
            if (!schemaExists()) {
                return false;
            }
            try (Statement st = connection.createStatement()) {
                st.execute("DROP SCHEMA " + PgIdentifiers.quote(schema) + " CASCADE");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return true;
        } catch (SQLException e) {
            throw new StateException("cannot drop catalogue schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Fails unless the catalogue exists at exactly the version this build works with. */
    public void requireCurrent() {
        int installed = installedVersion().orElseThrow(this::missing);
        int expected = CatalogueMigrations.latestVersion();
        if (installed < expected) {
            throw new StateException("replica catalogue " + schema + " is at version " + installed
                    + " but this chameleon needs version " + expected + "; run 'chameleon upgrade_replica_schema"
                    + configOption() + "'");
        }
        if (installed > expected) {
            throw newerThanCode(installed);
        }
    }

    private StateException newerThanCode(int installed) {
        return new StateException("replica catalogue " + schema + " is at version " + installed
                + ", newer than version " + CatalogueMigrations.latestVersion()
                + " that this chameleon knows; use the chameleon release that upgraded it");
    }

    private StateException missing() {
        return new StateException("replica catalogue " + schema + " does not exist in the target database; run "
                + "'chameleon create_replica_schema" + configOption() + "' first");
    }

    private String configOption() {
        return configName == null ? "" : " --config " + configName;
    }

    private void apply(CatalogueMigration migration) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(migration.sql(PgIdentifiers.quote(schema)));
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + table("catalogue_version") + " (version, description) VALUES (?, ?)")) {
            ps.setInt(1, migration.version());
            ps.setString(2, migration.description());
            ps.executeUpdate();
        }
    }

    private void lockMigrations() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, MIGRATION_LOCK);
            ps.execute();
        }
    }

    private boolean schemaExists() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
