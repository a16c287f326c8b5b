package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row layouts of the change log (catalogue version 8): which columns a row's image arrays hold, in order. A
 * layout is registered once per table structure and never changed, so its id can be cached for good once the
 * transaction that registered it has committed.
 */
public final class RowLayoutRepository {

    /** The columns of a layout: the after image's, and the before image's (the replica key). */
    public record RowLayout(List<String> columnNames, List<String> keyColumns) {
    }

    private final Connection connection;
    private final String schema;

    public RowLayoutRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** The id of the layout, registered in the connection's transaction when it is new. */
    public int idOf(int tableId, List<String> columnNames, List<String> keyColumns)
            throws SQLException {
        String layouts = PgIdentifiers.qualified(schema, "row_layout");
        // the second branch finds a layout that exists already (the insert then returns nothing)
        try (PreparedStatement ps = connection.prepareStatement("WITH added AS (INSERT INTO " + layouts
                + " (table_id, column_names, key_columns) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING layout_id)"
                + " SELECT layout_id FROM added UNION ALL SELECT layout_id FROM " + layouts
                + " WHERE table_id = ? AND column_names = ? AND key_columns = ?")) {
            for (int offset : new int[] {0, 3}) {
                ps.setInt(offset + 1, tableId);
                ps.setArray(offset + 2, connection.createArrayOf("text", columnNames.toArray()));
                ps.setArray(offset + 3, connection.createArrayOf("text", keyColumns.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The layouts with these ids. */
    public Map<Integer, RowLayout> find(Integer[] ids) throws SQLException {
        Map<Integer, RowLayout> found = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT layout_id, column_names, key_columns FROM "
                + PgIdentifiers.qualified(schema, "row_layout") + " WHERE layout_id = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("integer", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getInt(1), new RowLayout(Arrays.asList((String[]) rs.getArray(2).getArray()),
                            Arrays.asList((String[]) rs.getArray(3).getArray())));
                }
            }
        }
        return found;
    }
}
