package io.chameleon.copy;

import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.PgTable;
import org.jboss.logging.Logger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code keep_existing_schema}: the destination tables, created by the user, are kept. Their primary keys, unique
 * constraints, indexes and the foreign keys that involve them are saved and dropped, the tables truncated and
 * reloaded in place, and everything re-created as it was (foreign keys NOT VALID first, then validated).
 */
final class ExistingTables {

    private static final Logger LOG = Logger.getLogger(ExistingTables.class);

    private final Connection pg;
    private final List<String> keysAndIndexes = new ArrayList<>();
    private final Set<String> foreignKeys = new LinkedHashSet<>();
    private final List<String> validations = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();

    private ExistingTables(Connection pg) {
        this.pg = pg;
    }

    /**
     * Saves and drops the keys and indexes of the target tables and empties them, in one transaction.
     *
     * @throws io.chameleon.error.StateException when a table is missing: this mode never creates tables
     */
    static ExistingTables prepare(Connection pg, Collection<PgTable> targets) throws SQLException {
        ExistingTables existing = new ExistingTables(pg);
        List<String> missing = new ArrayList<>();
        for (PgTable table : targets) {
            String name = PgIdentifiers.qualified(table.schema(), table.name());
            if (!exists(pg, name)) {
                missing.add(table.schema() + "." + table.name());
            }
            existing.tables.add(name);
        }
        if (!missing.isEmpty()) {
            throw new io.chameleon.error.StateException("keep_existing_schema is set, but these tables do not exist"
                    + " in PostgreSQL: " + String.join(", ", missing) + "; create them, or set keep_existing_schema"
                    + " to false so that the copy creates them");
        }
        List<String> drops = new ArrayList<>();
        for (String table : existing.tables) {
            existing.save(table, drops);
        }
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try (Statement st = pg.createStatement()) {
            for (String drop : drops) {
                st.execute(drop);
            }
            for (String table : existing.tables) {
                st.execute("TRUNCATE " + table);
            }
            pg.commit();
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(autoCommit);
        }
        return existing;
    }

    /** Re-creates what {@link #prepare} dropped and moves sequences past the loaded values. */
    void restore(PrintWriter out) throws SQLException {
        try (Statement st = pg.createStatement()) {
            for (String ddl : keysAndIndexes) {
                st.execute(ddl);
            }
            for (String ddl : foreignKeys) {
                st.execute(ddl);
            }
            for (String table : tables) {
                for (String setval : sequencesPastMaximum(table)) {
                    st.execute(setval);
                }
            }
        }
        for (String validate : validations) {
            try (Statement st = pg.createStatement()) {
                st.execute(validate);
            } catch (SQLException e) {
                // rows of other tables may not match yet; the constraint stays NOT VALID and is reported
                out.println("WARNING: " + validate + " failed, the constraint stays NOT VALID: " + e.getMessage());
                LOG.warnf("event=foreign_key_not_validated statement=\"%s\" reason=\"%s\"", validate, e.getMessage());
            }
        }
    }

    private void save(String table, List<String> drops) throws SQLException {
        // foreign keys owned by or referencing the table: dropped first, as they depend on the keys
        try (PreparedStatement ps = pg.prepareStatement("SELECT conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                + " AND (conrelid = ?::regclass OR confrelid = ?::regclass) ORDER BY 1, 2")) {
            ps.setString(1, table);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String owner = rs.getString(1);
                    String name = PgIdentifiers.quote(rs.getString(2));
                    String drop = "ALTER TABLE " + owner + " DROP CONSTRAINT IF EXISTS " + name;
                    if (!drops.contains(drop)) {
                        drops.add(0, drop);
                        foreignKeys.add("ALTER TABLE " + owner + " ADD CONSTRAINT " + name + " " + rs.getString(3)
                                + " NOT VALID");
                        validations.add("ALTER TABLE " + owner + " VALIDATE CONSTRAINT " + name);
                    }
                }
            }
        }
        // primary key and unique constraints, then the indexes that back no constraint
        try (PreparedStatement ps = pg.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ?::regclass AND contype IN ('p', 'u') ORDER BY contype, conname")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = PgIdentifiers.quote(rs.getString(1));
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    keysAndIndexes.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = pg.prepareStatement("SELECT i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = ?::regclass AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    keysAndIndexes.add(rs.getString(2));
                }
            }
        }
    }

    /** setval past the loaded maximum for every column whose default draws from a sequence (serial, identity). */
    private List<String> sequencesPastMaximum(String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT quote_ident(a.attname),"
                + " pg_get_serial_sequence(?, a.attname) FROM pg_attribute a WHERE a.attrelid = ?::regclass"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence(?, a.attname) IS NOT NULL")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add("SELECT setval(" + PgIdentifiers.literal(rs.getString(2)) + ", coalesce((SELECT"
                            + " max(" + rs.getString(1) + ") FROM " + table + "), 0) + 1, false)");
                }
            }
        }
        return statements;
    }

    private static boolean exists(Connection pg, String qualified) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
