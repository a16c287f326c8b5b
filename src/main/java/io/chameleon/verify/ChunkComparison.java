package io.chameleon.verify;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares, inside PostgreSQL, the source rows of a chunk (copied into a temporary table through the copy's codecs)
 * with the replica's rows of the same key range. Rows are matched on the replica key and compared as the text of
 * the whole row over the mapped columns, which holds for every type (json, geometry and floats have no equality
 * operator usable here, or one that is not exact). Only the differing rows leave the server.
 */
final class ChunkComparison {

    private final String sql;

    /**
     * @param replica   the replicated table, schema-qualified and quoted
     * @param copy      the temporary table holding the source chunk, qualified and quoted
     * @param columns   the mapped PostgreSQL columns
     * @param key       the replica key's PostgreSQL columns
     * @param condition the chunk's key range on the replica (PostgreSQL SQL), null for the whole table
     */
    ChunkComparison(String replica, String copy, List<String> columns, List<String> key, String condition) {
        String row = "ROW(" + columns.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "))
                + ")::text";
        String keys = key.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "));
        String join = key.stream().map(k -> "r." + PgIdentifiers.quote(k) + " = s." + PgIdentifiers.quote(k))
                .collect(Collectors.joining(" AND "));
        String keyText = key.stream().map(k -> PgIdentifiers.literal(k + "=") + " || coalesce(r."
                + PgIdentifiers.quote(k) + ", s." + PgIdentifiers.quote(k) + ")::text")
                .collect(Collectors.joining(" || ', ' || "));
        this.sql = "SELECT r.present IS NULL, s.present IS NULL, " + keyText
                + " FROM (SELECT " + keys + ", " + row + " AS image, true AS present FROM " + replica
                + (condition == null ? "" : " WHERE " + condition) + ") r"
                + " FULL JOIN (SELECT " + keys + ", " + row + " AS image, true AS present FROM " + copy + ") s"
                + " ON " + join + " WHERE r.image IS DISTINCT FROM s.image";
    }

    List<Difference> differences(Connection pg) throws SQLException {
        List<Difference> found = new ArrayList<>();
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Difference.Kind kind = rs.getBoolean(1) ? Difference.Kind.MISSING
                        : rs.getBoolean(2) ? Difference.Kind.EXTRA : Difference.Kind.DIFFERENT;
                found.add(new Difference(kind, rs.getString(3)));
            }
        }
        return found;
    }
}
