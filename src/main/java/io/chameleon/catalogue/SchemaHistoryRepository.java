package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code schema_history}: versions of replicated tables' structure, written with the DDL that made them. */
public final class SchemaHistoryRepository {

    /** A table registered by a copy, with the position of the snapshot its structure was read at. */
    public record Registered(SourceTable structure, BinlogPosition at) {
    }

    private final Connection connection;
    private final String schema;

    public SchemaHistoryRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** Records a version; the caller owns the transaction (the reader's, with the logged DDL). */
    public void insert(int sourceId, SchemaVersion version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table() + " (source_id, table_id,"
                + " origin_schema, table_name, binlog_file, binlog_position, structure, ddl, batch_id, event_seq,"
                + " destination_schema, key_columns, dropped, prev_destination_schema, prev_table_name,"
                + " prev_key_columns) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, sourceId);
            ps.setInt(2, version.tableId());
            ps.setString(3, version.originSchema());
            ps.setString(4, version.tableName());
            ps.setString(5, version.position().file());
            ps.setLong(6, version.position().position());
            ps.setString(7, version.structure() == null ? null : TableStructureJson.write(version.structure()));
            ps.setString(8, version.ddl());
            ps.setObject(9, version.batchId(), Types.BIGINT);
            ps.setObject(10, version.eventSeq(), Types.INTEGER);
            ps.setString(11, version.destinationSchema());
            ps.setArray(12, textArray(version.keyColumns()));
            ps.setBoolean(13, version.dropped());
            SchemaVersion.Target before = version.before();
            ps.setString(14, before == null ? null : before.destinationSchema());
            ps.setString(15, before == null ? null : before.tableName());
            ps.setArray(16, before == null ? null : textArray(before.keyColumns()));
            ps.executeUpdate();
        }
    }

    /**
     * The structure a copy (or start_replica --from) registered a table with, at its snapshot position: the reader
     * starts from these, not from the source's present structure, which may already hold DDL it has yet to read.
     * Versions of tables no longer registered (a full copy registers them anew) are removed.
     */
    public void recordRegistered(int sourceId, List<Registered> tables) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table() + " (source_id, table_id,"
                + " origin_schema, table_name, binlog_file, binlog_position, structure, destination_schema,"
                + " key_columns) SELECT source_id, table_id, origin_schema, table_name, ?, ?, ?::jsonb,"
                + " destination_schema, key_columns FROM " + PgIdentifiers.qualified(schema, "replicated_table")
                + " WHERE source_id = ? AND origin_schema = ? AND table_name = ?");
             PreparedStatement orphans = connection.prepareStatement("DELETE FROM " + table() + " h WHERE"
                     + " h.source_id = ? AND NOT EXISTS (SELECT 1 FROM "
                     + PgIdentifiers.qualified(schema, "replicated_table") + " t WHERE t.table_id = h.table_id)")) {
            for (Registered table : tables) {
                SourceTable structure = table.structure();
                ps.setString(1, table.at() == null ? "" : table.at().file());
                ps.setLong(2, table.at() == null ? 0 : table.at().position());
                ps.setString(3, TableStructureJson.write(structure));
                ps.setInt(4, sourceId);
                ps.setString(5, structure.schema());
                ps.setString(6, structure.name());
                ps.addBatch();
            }
            ps.executeBatch();
            orphans.setInt(1, sourceId);
            orphans.executeUpdate();
        }
    }

    /**
     * The newest structure of each table of the source that has a history, by table id; an empty Optional when
     * the newest version says the structure is not known any more.
     */
    public Map<Integer, Optional<SourceTable>> latestStructures(int sourceId) throws SQLException {
        Map<Integer, Optional<SourceTable>> latest = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT ON (table_id) table_id,"
                + " structure::text FROM " + table() + " WHERE source_id = ? AND table_id IS NOT NULL"
                + " ORDER BY table_id, history_id DESC")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString(2);
                    latest.put(rs.getInt(1), Optional.ofNullable(json).map(TableStructureJson::read));
                }
            }
        }
        return latest;
    }

    private java.sql.Array textArray(List<String> values) throws SQLException {
        return values == null ? null : connection.createArrayOf("text", values.toArray());
    }

    private String table() {
        return PgIdentifiers.qualified(schema, "schema_history");
    }
}
