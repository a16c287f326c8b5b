package io.chameleon.catalog;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Rows kept out of the target by the bad-value policy, with the reason, so nothing is lost silently. */
public final class DiscardedRowRepository {

    /** One discarded row; binlog coordinates are null for rows of the initial copy. */
    public record DiscardedRow(String originSchema, String tableName, String columnName, String reason,
                               String rowData, String binlogFile, Long binlogPosition) {
    }

    private final Connection connection;
    private final String schema;

    public DiscardedRowRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    public void insert(int sourceId, List<DiscardedRow> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO "
                + PgIdentifiers.qualified(schema, "discarded_row") + " (source_id, origin_schema, table_name,"
                + " column_name, reason, row_data, binlog_file, binlog_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DiscardedRow row : rows) {
                ps.setInt(1, sourceId);
                ps.setString(2, row.originSchema());
                ps.setString(3, row.tableName());
                ps.setString(4, row.columnName());
                ps.setString(5, row.reason());
                ps.setString(6, row.rowData());
                ps.setString(7, row.binlogFile());
                ps.setObject(8, row.binlogPosition());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Forgets the copy-time discards of a table before it is copied again. */
    public void deleteCopyDiscards(int sourceId, String originSchema, String tableName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM "
                + PgIdentifiers.qualified(schema, "discarded_row")
                + " WHERE source_id = ? AND origin_schema = ? AND table_name = ? AND binlog_file IS NULL")) {
            ps.setInt(1, sourceId);
            ps.setString(2, originSchema);
            ps.setString(3, tableName);
            ps.executeUpdate();
        }
    }

    public long count(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM "
                + PgIdentifiers.qualified(schema, "discarded_row") + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
