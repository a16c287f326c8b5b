package io.chameleon.cutover;

import io.chameleon.mysql.ForeignKey;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the source's foreign keys in PostgreSQL: each is added {@code NOT VALID} (no scan under the lock), then
 * validated. One whose rows do not satisfy it stays {@code NOT VALID} and is reported with the number of rows that
 * have no parent: it is never dropped, so new writes are checked at once and the old rows can be fixed later.
 */
final class ForeignKeyCreation {

    /** What became of one foreign key. */
    record Outcome(ForeignKey key, State state, String detail, long violatingRows) {
    }

    enum State { VALID, NOT_VALID, ALREADY_THERE, NOT_CREATED, SKIPPED }

    private final Connection pg;
    private final Map<String, String> schemaMappings;

    /** @param pg in autocommit: each key is its own transaction, so one failure does not undo the others */
    ForeignKeyCreation(Connection pg, Map<String, String> schemaMappings) {
        this.pg = pg;
        this.schemaMappings = schemaMappings;
    }

    List<Outcome> create(List<ForeignKey> keys) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        for (ForeignKey key : keys) {
            outcomes.add(create(key));
        }
        return outcomes;
    }

    private Outcome create(ForeignKey key) throws SQLException {
        String childSchema = schemaMappings.get(key.schema());
        String parentSchema = schemaMappings.get(key.referencedSchema());
        if (parentSchema == null) {
            return new Outcome(key, State.SKIPPED, "it references database " + key.referencedSchema()
                    + ", which this source does not replicate", 0);
        }
        if (!exists(childSchema, key.table()) || !exists(parentSchema, key.referencedTable())) {
            return new Outcome(key, State.SKIPPED, "table " + (exists(childSchema, key.table())
                    ? parentSchema + "." + key.referencedTable() : childSchema + "." + key.table())
                    + " is not in PostgreSQL", 0);
        }
        Boolean validated = existing(childSchema, key);
        if (validated != null) {
            return new Outcome(key, State.ALREADY_THERE, validated ? "" : "already there, NOT VALID", 0);
        }
        try (Statement st = pg.createStatement()) {
            st.execute(ForeignKeyDdl.addNotValid(key, childSchema, parentSchema));
        } catch (SQLException e) {
            return new Outcome(key, State.NOT_CREATED, e.getMessage(), 0);
        }
        try (Statement st = pg.createStatement()) {
            st.execute(ForeignKeyDdl.validate(key, childSchema));
            return new Outcome(key, State.VALID, "", 0);
        } catch (SQLException e) {
            long violating = violations(key, childSchema, parentSchema);
            return new Outcome(key, State.NOT_VALID, e.getMessage(), violating);
        }
    }

    private long violations(ForeignKey key, String childSchema, String parentSchema) throws SQLException {
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery(ForeignKeyDdl.countViolations(key, childSchema, parentSchema))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean exists(String schema, String table) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, PgIdentifiers.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether a constraint of that name is on the table already, validated or not; null when there is none. */
    private Boolean existing(String childSchema, ForeignKey key) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT convalidated FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND conname = ?")) {
            ps.setString(1, PgIdentifiers.qualified(childSchema, key.table()));
            ps.setString(2, key.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }
}
