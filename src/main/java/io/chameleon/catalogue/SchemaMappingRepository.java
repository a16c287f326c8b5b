package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.ReservedSchemaNames;
import io.chameleon.postgres.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies edited schema mappings of a registered source to the catalogue and to PostgreSQL, in one transaction:
 * a renamed destination schema is renamed in PostgreSQL and everywhere the catalogue names it (tables, schema
 * history), a removed mapping takes its tables out of the replica (its PostgreSQL schema stays), an added one is
 * stored and waits for its copy. The change log of the source must be fully replayed first: its pending schema
 * changes name the destination schemas of the time they were read.
 */
public final class SchemaMappingRepository {

    /** What {@link #apply} did, for the command's summary. */
    public record Applied(List<String> renamedInPostgres, List<String> renamedCatalogueOnly,
                          Map<String, Integer> tablesRemoved, Map<String, String> added) {
    }


    private final Connection connection;
    private final String schema;

    public SchemaMappingRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /**
     * Refuses mappings that break a rule (see {@link #check}), then applies the difference. Nothing changes when
     * a rule is broken or a statement fails.
     */
    public Applied apply(SourceRecord source, Map<String, String> wanted) {
        SchemaMappingDifference difference = SchemaMappingDifference.between(source.schemaMappings(), wanted);
        try {
            return Transactions.inTransaction(connection, () -> {
                lockSource(source.id());
                check(source, wanted, difference);
                List<String> renamedInPostgres = new ArrayList<>();
                List<String> renamedCatalogueOnly = new ArrayList<>();
                for (var rename : difference.renamed().entrySet()) {
                    String from = rename.getValue().from();
                    String to = rename.getValue().to();
                    if (schemaExists(from)) {
                        try (Statement st = connection.createStatement()) {
                            st.execute("ALTER SCHEMA " + PgIdentifiers.quote(from) + " RENAME TO "
                                    + PgIdentifiers.quote(to));
                        }
                        renamedInPostgres.add(from + " -> " + to);
                    } else {
                        renamedCatalogueOnly.add(from + " -> " + to);
                    }
                    renameDestination(source.id(), rename.getKey(), from, to);
                }
                Map<String, Integer> removed = new LinkedHashMap<>();
                for (var mapping : difference.removed().entrySet()) {
                    removed.put(mapping.getValue(), forgetOrigin(source.id(), mapping.getKey()));
                }
                for (var mapping : difference.added().entrySet()) {
                    insertMapping(source.id(), mapping.getKey(), mapping.getValue());
                }
                return new Applied(renamedInPostgres, renamedCatalogueOnly, removed, difference.added());
            });
        } catch (SQLException e) {
            throw failure(source.name(), e);
        }
    }

    /**
     * The rules of pg_chameleon's update_schema_mappings and ours: at least one mapping; one database per
     * destination schema; a destination schema belongs to one source only; no name PostgreSQL reserves or truncates,
     * nor the catalogue's; a renamed schema's new name must not exist yet; the change log is replayed.
     */
    private void check(SourceRecord source, Map<String, String> wanted, SchemaMappingDifference difference)
            throws SQLException {
        String name = source.name();
        if (wanted.isEmpty()) {
            throw new StateException("source '" + name + "' has no schema_mappings in the configuration; map at "
                    + "least one MySQL database (drop_source removes the whole source)");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> mapping : wanted.entrySet()) {
            String destination = mapping.getValue();
            String previous = seen.put(destination, mapping.getKey());
            if (previous != null) {
                throw new StateException("source '" + name + "' maps both MySQL databases '" + previous + "' and '"
                        + mapping.getKey() + "' to destination schema '" + destination
                        + "'; a destination schema takes one database: fix schema_mappings");
            }
            ReservedSchemaNames.refuse(name, mapping.getKey(), destination, schema);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.source_name, m.origin_schema,"
                + " m.destination_schema FROM " + table("schema_mapping") + " m JOIN " + table("source")
                + " s USING (source_id) WHERE m.destination_schema = ANY (?) AND m.source_id <> ?")) {
            ps.setArray(1, connection.createArrayOf("text", wanted.values().toArray()));
            ps.setInt(2, source.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new StateException("destination schema '" + rs.getString(3) + "' is already mapped by "
                            + "source '" + rs.getString(1) + "' (from MySQL database '" + rs.getString(2)
                            + "'); a destination schema may belong to one source only: choose another name in the"
                            + " schema_mappings of source '" + name + "'");
                }
            }
        }
        for (var rename : difference.renamed().entrySet()) {
            String to = rename.getValue().to();
            if (schemaExists(to) && !source.schemaMappings().containsValue(to)) {
                throw new StateException("cannot rename destination schema '" + rename.getValue().from() + "' of "
                        + "MySQL database '" + rename.getKey() + "' to '" + to + "': PostgreSQL already has a "
                        + "schema '" + to + "'; drop or rename it first, or choose another name");
            }
            if (source.schemaMappings().containsValue(to)) {
                throw new StateException("cannot rename destination schema '" + rename.getValue().from() + "' to '"
                        + to + "': source '" + name + "' maps another database to it now; swapping names takes two "
                        + "runs of update_schema_mappings through a third name");
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table("log_batch")
                + " WHERE source_id = ? AND replayed_at IS NULL AND complete")) {
            ps.setInt(1, source.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StateException("source '" + name + "' has " + rs.getLong(1) + " logged batches not "
                            + "replayed yet; they name the current schemas, so they are replayed first");
                }
            }
        }
    }

    private void lockSource(int sourceId) throws SQLException {
        // a concurrent add_source or update of the same mappings waits for this one
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + table("source")
                + " WHERE source_id = ? FOR UPDATE")) {
            ps.setInt(1, sourceId);
            ps.executeQuery().close();
        }
    }

    private void renameDestination(int sourceId, String origin, String from, String to) throws SQLException {
        update("UPDATE " + table("schema_mapping") + " SET destination_schema = ? WHERE source_id = ?"
                + " AND origin_schema = ?", to, sourceId, origin);
        update("UPDATE " + table("replicated_table") + " SET destination_schema = ? WHERE source_id = ?"
                + " AND origin_schema = ?", to, sourceId, origin);
        // replay names a table as its schema history says at each point of the log
        update("UPDATE " + table("schema_history") + " SET destination_schema = ? WHERE source_id = ?"
                + " AND destination_schema = ?", to, sourceId, from);
        update("UPDATE " + table("schema_history") + " SET prev_destination_schema = ? WHERE source_id = ?"
                + " AND prev_destination_schema = ?", to, sourceId, from);
    }

    /** Takes the database's tables out of the catalogue; returns how many there were. */
    private int forgetOrigin(int sourceId, String origin) throws SQLException {
        String tables = "SELECT table_id FROM " + table("replicated_table") + " WHERE source_id = ? AND origin_schema = ?";
        update("DELETE FROM " + table("row_layout") + " WHERE table_id IN (" + tables + ")", sourceId, origin);
        update("DELETE FROM " + table("schema_history") + " WHERE source_id = ? AND origin_schema = ?",
                sourceId, origin);
        int removed = update("DELETE FROM " + table("replicated_table") + " WHERE source_id = ? AND origin_schema = ?",
                sourceId, origin);
        update("DELETE FROM " + table("schema_mapping") + " WHERE source_id = ? AND origin_schema = ?",
                sourceId, origin);
        return removed;
    }

    private void insertMapping(int sourceId, String origin, String destination) throws SQLException {
        update("INSERT INTO " + table("schema_mapping") + " (source_id, origin_schema, destination_schema)"
                + " VALUES (?, ?, ?)", sourceId, origin, destination);
    }

    private boolean schemaExists(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    private StateException failure(String source, SQLException e) {
        return new StateException("cannot update the schema mappings of source '" + source + "' in catalogue "
                + schema + ": " + e.getMessage(), e);
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
