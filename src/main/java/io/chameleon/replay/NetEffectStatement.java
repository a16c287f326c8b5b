package io.chameleon.replay;

import io.chameleon.postgres.PgIdentifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one statement that applies a table's row events of an {@link EventRange} by their net effect per key.
 *
 * <p>Each event becomes actions on keys (compared by their text values): an insert writes its after-image; a
 * delete removes its before-image's key; an update removes the before key and writes the after-image (when the
 * key is unchanged the write, ordered after the removal, wins). The last action per key, in log order, is the
 * key's final state. Every touched key's row is deleted, then the final images are inserted: the same end state
 * as applying the events one by one when each key names one row, and deleting before inserting means rows that
 * swap values of a unique column never collide.
 *
 * <p>The delete is a data-modifying CTE; the insert reads its row count in an uncorrelated sub-select, which the
 * executor evaluates (running the delete to completion) before the insert produces its first row. The unique
 * checks of the insert ignore rows deleted earlier in the same transaction, so re-inserting a deleted key is fine.
 */
final class NetEffectStatement {

    private NetEffectStatement() {
    }

    static String sql(String catalogueSchema, ReplayTable table, EventRange range) {
        String target = table.quotedName();
        String key = keyOf(table, "a.image");
        String deleteFrom = table.keyTypes() != null ? castKeyMatch(table) : populatedKeyMatch(table);
        return "WITH net AS ("
                + "SELECT DISTINCT ON (" + key + ") a.upsert, a.image"
                + " FROM " + PgIdentifiers.qualified(catalogueSchema, "change_log") + " c"
                + " CROSS JOIN LATERAL (VALUES (false, c.row_before), (true, c.row_after)) AS a (upsert, image)"
                + " WHERE " + range.predicate() + " AND c.table_id = " + table.tableId()
                + " AND c.operation IN ('I', 'U', 'D') AND a.image IS NOT NULL"
                + " ORDER BY " + key + ", c.batch_id DESC, c.event_seq DESC, a.upsert DESC),"
                + " deleted AS (DELETE FROM " + target + " t USING net n" + deleteFrom + " RETURNING 1)"
                + " INSERT INTO " + target + " SELECT r.* FROM net n"
                + " CROSS JOIN LATERAL jsonb_populate_record(NULL::" + target + ", n.image) AS r"
                + " WHERE n.upsert AND (SELECT count(*) FROM deleted) >= 0";
    }

    /**
     * The key of an image as the net effect groups and sorts it: the key columns' values in their own types when
     * known (keys equal as the key index sees them, and sorted without the database collation's cost), else
     * their texts.
     */
    private static String keyOf(ReplayTable table, String image) {
        List<String> keys = table.keyColumns();
        if (table.keyTypes() != null) {
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                typed.append(i == 0 ? "" : ", ").append(typedValue(image, keys.get(i), table.keyTypes().get(i)));
            }
            return typed.toString();
        }
        return keys.size() == 1
                ? textOf(image, keys.get(0))
                : keys.stream().map(k -> textOf(image, k)).collect(Collectors.joining(", ", "ARRAY[", "]"));
    }

    /** Key texts cast to the key columns' types: typed, so the primary key index serves the delete. */
    private static String castKeyMatch(ReplayTable table) {
        List<String> keys = table.keyColumns();
        StringBuilder match = new StringBuilder(" WHERE ");
        for (int i = 0; i < keys.size(); i++) {
            match.append(i == 0 ? "" : " AND ").append("t.").append(PgIdentifiers.quote(keys.get(i))).append(" = ")
                    .append(typedValue("n.image", keys.get(i), table.keyTypes().get(i)));
        }
        return match.toString();
    }

    /** Fallback when the key types are unknown (table missing: the statement then fails with a clear error). */
    private static String populatedKeyMatch(ReplayTable table) {
        String target = table.quotedName();
        String keyImage = table.keyColumns().stream()
                .map(k -> PgIdentifiers.literal(k) + ", n.image -> " + PgIdentifiers.literal(k))
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
        String keyMatch = table.keyColumns().stream()
                .map(k -> "t." + PgIdentifiers.quote(k) + " = k." + PgIdentifiers.quote(k))
                .collect(Collectors.joining(" AND "));
        return " CROSS JOIN LATERAL jsonb_populate_record(NULL::" + target + ", " + keyImage + ") AS k WHERE " + keyMatch;
    }

    private static String typedValue(String image, String column, String type) {
        return textOf(image, column) + "::" + type;
    }

    private static String textOf(String image, String column) {
        return "(" + image + " ->> " + PgIdentifiers.literal(column) + ")";
    }
}
