package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.BadValueException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Values the bad-value policy set aside, so nothing is lost silently: rows kept out of the target, and values
 * written as NULL (with their row). The {@code reason} column starts with the kind of value, then
 * {@value #NULLED_MARK} when only the value was replaced, then a colon and the message naming column and value.
 */
public final class DiscardedRowRepository {

    private static final String NULLED_MARK = " set to NULL";

    /** One discarded row or nulled value; binlog coordinates are null for rows of the initial copy. */
    public record DiscardedRow(String originSchema, String tableName, String columnName, String reason,
                               String rowData, String binlogFile, Long binlogPosition) {

        /**
         * @param valueNulled the value was written as NULL and the row kept, rather than the row left out
         * @param rowData     the whole source row, printable, which holds its key
         */
        public static DiscardedRow of(String originSchema, String tableName, String column, BadValueException bad,
                                      boolean valueNulled, String rowData, String binlogFile, Long binlogPosition) {
            String reason = bad.reason().name().toLowerCase(Locale.ROOT) + (valueNulled ? NULLED_MARK : "") + ": "
                    + bad.getMessage();
            return new DiscardedRow(originSchema, tableName, column, reason, rowData, binlogFile, binlogPosition);
        }
    }

    /** A record as {@code show_errors --bad-values} lists it; position is null for the initial copy. */
    public record BadValueRecord(long id, String source, String originSchema, String tableName, String columnName,
                                 boolean valueNulled, String reason, String rowData, String position,
                                 OffsetDateTime recordedAt) {
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

    /** How many values were set to NULL and how many rows left out, for one source (or all when null). */
    public record BadValueCounts(long valuesNulled, long rowsDiscarded) {
    }

    public BadValueCounts counts(String sourceName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FILTER (WHERE nulled),"
                + " count(*) FILTER (WHERE NOT nulled) FROM (SELECT split_part(d.reason, ':', 1) LIKE ?"
                + " AS nulled FROM " + PgIdentifiers.qualified(schema, "discarded_row") + " d JOIN "
                + PgIdentifiers.qualified(schema, "source") + " s USING (source_id)"
                + " WHERE ?::text IS NULL OR s.source_name = ?) r")) {
            ps.setString(1, "%" + NULLED_MARK);
            ps.setString(2, sourceName);
            ps.setString(3, sourceName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BadValueCounts(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** The records of one source (or all when null), oldest first. */
    public List<BadValueRecord> list(String sourceName) throws SQLException {
        List<BadValueRecord> records = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT d.row_id, s.source_name, d.origin_schema,"
                + " d.table_name, d.column_name, d.reason, d.row_data, d.binlog_file || ':' || d.binlog_position,"
                + " d.discarded_at FROM " + PgIdentifiers.qualified(schema, "discarded_row") + " d JOIN "
                + PgIdentifiers.qualified(schema, "source") + " s USING (source_id)"
                + " WHERE ?::text IS NULL OR s.source_name = ? ORDER BY d.row_id")) {
            ps.setString(1, sourceName);
            ps.setString(2, sourceName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(6);
                    int colon = reason.indexOf(':');
                    boolean nulled = colon > 0 && reason.substring(0, colon).endsWith(NULLED_MARK);
                    records.add(new BadValueRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), nulled, reason, rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class)));
                }
            }
        }
        return records;
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
