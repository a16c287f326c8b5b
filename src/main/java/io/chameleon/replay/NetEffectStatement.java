package io.chameleon.replay;

import io.chameleon.catalogue.RowLayoutRepository.RowLayout;
import io.chameleon.catalogue.changelog.ChangeLogFormat;
import io.chameleon.catalogue.changelog.ChunkQueries;
import io.chameleon.postgres.PgIdentifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The one statement that applies a table's row events of an {@link EventRange} by their net effect per key.
 *
 * <p>Each event becomes actions on keys: an insert writes its after-image; a delete removes its before-image's key;
 * an update removes the before key and writes the after-image (when the key is unchanged the write, ordered after
 * the removal, wins). The last action per key, in log order, is the key's final state. Every touched key's row is
 * deleted, then the final images are inserted: the same end state as applying the events one by one when each key
 * names one row, and deleting before inserting means rows that swap values of a unique column never collide.
 *
 * <p>The statement comes in two {@link Form}s that differ only in where the written images come from: carried through
 * the sort and the materialised CTE with the keys, or left in the change log and fetched once per written row by its
 * position (the change log's primary key), the net effect being worked out on narrow rows (key, position, whether to
 * write). Which is cheaper depends on the size of the images ({@link Form#forImages}).
 *
 * <p>Images are arrays of column texts; their {@link RowLayout}s say which element is which column. Values are cast
 * to the target column's type without modifier, so the insert applies the modifier as an assignment (a text too
 * long for a varchar(n) fails as it would in the copy, rather than being cut by an explicit cast). A target column
 * an image lacks gets NULL, whatever the other images of the statement hold; image columns the target lacks are
 * ignored.
 *
 * <p>The delete is a data-modifying CTE; the insert reads its row count in an uncorrelated sub-select, which the
 * executor evaluates (running the delete to completion) before the insert produces its first row. The unique
 * checks of the insert ignore rows deleted earlier in the same transaction, so re-inserting a deleted key is fine.
 *
 * <p>For a table with identity or serial columns the insert is a CTE too, and the statement returns the highest
 * value written to each of them (NULLs when nothing was written).
 */
final class NetEffectStatement {

    /**
     * Average after-image bytes per row event below which the carried form is chosen. Measured in session 5
     * (docs/benchmarks.md, "Session 5 on the slower machine"): with the OLTP workload's images (about 840 bytes) the
     * narrow form took about 19 % less PostgreSQL CPU than the carried one; with ReplayBenchmarkTest's images (about
     * 100 bytes) the replay took about 11 % longer with it; the multi-row workload's (a few hundred bytes) was slightly
     * faster with it. The cross-over lies somewhere between; 300 is a first estimate, not a measured point.
     */
    static final long CARRY_IMAGES_BELOW_BYTES = 300;

    /** Where the insert takes the written images from. */
    enum Form {
        /** Images go through the sort and the materialised CTE with their keys: cheaper for small images. */
        CARRIED,
        /**
         * Only keys and positions go through the sort; the insert fetches each written image from the change log by
         * its primary key: cheaper for wide images, whose copying then dominates.
         */
        NARROW;

        /**
         * The form for a table's row events in a range.
         *
         * @param imageBytes the bytes of their after images (deletes add none), null when not known
         * @param rowEvents  how many row events they are
         * @return carried when the average per row event is known and below {@link #CARRY_IMAGES_BELOW_BYTES};
         * narrow otherwise (the choice made for every size before the sizes were recorded)
         */
        static Form forImages(Long imageBytes, long rowEvents) {
            if (imageBytes == null || rowEvents <= 0) {
                return NARROW;
            }
            return imageBytes < CARRY_IMAGES_BELOW_BYTES * rowEvents ? CARRIED : NARROW;
        }
    }

    private NetEffectStatement() {
    }

    /** @param layouts the layouts of the table's rows in the range (at least those), by id */
    static String sql(String catalogueSchema, ReplayTable table, Map<Integer, RowLayout> layouts, EventRange range,
                      Form form) {
        String target = table.quotedName();
        List<String> keys = table.keyColumns();
        StringBuilder beforeKeys = new StringBuilder();
        StringBuilder afterKeys = new StringBuilder();
        StringBuilder keyNames = new StringBuilder();
        StringBuilder keyMatch = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String type = table.keyTypes() == null ? null : table.keyTypes().get(i);
            beforeKeys.append(", ").append(cast(element("c.row_before", "c.layout_id", layouts,
                    layout -> layout.keyColumns().indexOf(key)), type));
            afterKeys.append(", ").append(cast(element("c.row_after", "c.layout_id", layouts,
                    layout -> layout.columnNames().indexOf(key)), type));
            keyNames.append(i == 0 ? "" : ", ").append("k").append(i);
            keyMatch.append(i == 0 ? " WHERE " : " AND ").append("x.").append(PgIdentifiers.quote(key))
                    .append(" = n.k").append(i);
        }
        boolean carried = form == Form.CARRIED;
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        insertedColumns(table, layouts, carried ? "n.image" : "c.row_after", carried ? "n.layout_id" : "c.layout_id",
                columns, values);
        String changeLog = new ChunkQueries(catalogueSchema).changeLog();
        String insert = insert(target, carried ? "" : fetch(changeLog, range), columns, values);
        return "WITH net AS ("
                + "SELECT DISTINCT ON (" + prefixed("a.", keyNames) + ") a.upsert, "
                + (carried ? "a.image, c.layout_id, " : "c.batch_id, c.event_seq, ") + prefixed("a.", keyNames)
                + " FROM " + changeLog + " c"
                // the narrow form selects no image: the filter reads it, the sort does not carry it
                + " CROSS JOIN LATERAL (VALUES (false, c.row_before" + beforeKeys + "), (true, c.row_after" + afterKeys
                + ")) AS a (upsert, image, " + keyNames + ")"
                + " WHERE " + range.predicate() + " AND c.table_id = " + table.tableId()
                + " AND c.operation IN " + ChangeLogFormat.ROW_OPERATIONS + " AND a.image IS NOT NULL"
                + " ORDER BY " + prefixed("a.", keyNames) + ", c.batch_id DESC, c.event_seq DESC, a.upsert DESC),"
                + " deleted AS (" + delete(target, keyMatch, table.plain()) + " RETURNING 1)"
                + (table.sequenced().isEmpty() ? insert
                : ", inserted AS (" + insert + " RETURNING " + sequencedList(table, "") + ") SELECT "
                + sequencedList(table, "max") + " FROM inserted");
    }

    /**
     * The delete of every touched key's row. On a plain table each key is looked up by itself (the lateral subquery,
     * kept whole by OFFSET 0, leaves the planner no other join order) and the rows found are deleted by their ctids:
     * no join for estimates to turn around. The join it replaces went quadratic when the target's statistics said it
     * was empty (a table emptied, analysed, then filled again): the planner scanned the table outside and the
     * materialised keys inside, for every row; 8,000 keys took 31 s instead of 0.16 s, 60,000 would have taken half
     * an hour (docs/benchmarks.md, "Session 7"). A ctid names a row only within one relation, so partitioned and
     * inherited-from tables keep the join.
     */
    private static String delete(String target, CharSequence keyMatch, boolean plain) {
        if (!plain) {
            return "DELETE FROM " + target + " x USING net n" + keyMatch;
        }
        return "DELETE FROM " + target + " t WHERE t.ctid = ANY (ARRAY(SELECT p.ctid FROM net n CROSS JOIN LATERAL ("
                + "SELECT x.ctid FROM " + target + " x" + keyMatch + " OFFSET 0) p))";
    }

    // the source's values win over an identity column's own, even one GENERATED ALWAYS
    private static String insert(String target, String fetch, List<String> columns, List<String> values) {
        return " INSERT INTO " + target + " (" + String.join(", ", columns) + ") OVERRIDING SYSTEM VALUE SELECT "
                + String.join(", ", values) + " FROM net n" + fetch
                + " WHERE n.upsert AND (SELECT count(*) FROM deleted) >= 0";
    }

    // the narrow form's fetch of each written image by its position, per row of net: the lateral subquery (kept whole
    // by OFFSET 0) leaves the planner no other join order, whatever its estimates (it expects net to hold a row or
    // two; with a stale estimate of the change log it could otherwise scan the change log and, for each row, all of
    // net). The range repeated there prunes the change log's partitions.
    private static String fetch(String changeLog, EventRange range) {
        return " CROSS JOIN LATERAL (SELECT c.row_after, c.layout_id FROM " + changeLog + " c WHERE c.batch_id ="
                + " n.batch_id AND c.event_seq = n.event_seq AND " + range.predicate() + " OFFSET 0) c";
    }

    /**
     * The columns owning a sequence, or their maxima over the written rows (one row, a column per sequence, in
     * {@link ReplayTable#sequenced()} order), which replay keeps the sequences past: an application writing into a
     * promoted replica gets new values, not the replicated ones.
     */
    private static String sequencedList(ReplayTable table, String aggregate) {
        List<String> names = new ArrayList<>();
        for (ReplayTable.SequencedColumn column : table.sequenced()) {
            String quoted = PgIdentifiers.quote(column.column());
            names.add(aggregate.isEmpty() ? quoted : aggregate + "(" + quoted + ")::bigint");
        }
        return String.join(", ", names);
    }

    /**
     * The target's columns with their values, elements of {@code image} (laid out as {@code layoutId} says), cast to
     * the column types; when the table is not there, the layouts' columns uncast (the statement then fails naming the
     * missing table).
     */
    private static void insertedColumns(ReplayTable table, Map<Integer, RowLayout> layouts, String image,
                                        String layoutId, List<String> columns, List<String> values) {
        List<String> names;
        if (table.columns() != null) {
            names = table.columns();
        } else {
            Set<String> held = new LinkedHashSet<>(table.keyColumns());
            layouts.values().forEach(layout -> held.addAll(layout.columnNames()));
            names = List.copyOf(held);
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = element(image, layoutId, layouts, layout -> layout.columnNames().indexOf(name));
            columns.add(PgIdentifiers.quote(name));
            values.add(table.columnTypes() != null ? cast(value, table.columnTypes().get(i)) : value);
        }
    }

    /** The element of an image array at the column's position in each layout (NULL where a layout lacks it). */
    private static String element(String image, String layoutColumn, Map<Integer, RowLayout> layouts,
                                  ToIntFunction<RowLayout> position) {
        Set<Integer> positions = new LinkedHashSet<>();
        layouts.values().forEach(layout -> positions.add(position.applyAsInt(layout)));
        if (positions.size() <= 1) {
            int only = positions.isEmpty() ? -1 : positions.iterator().next();
            return only < 0 ? "NULL::text" : image + "[" + (only + 1) + "]";
        }
        StringBuilder cases = new StringBuilder("CASE ").append(layoutColumn);
        layouts.forEach((id, layout) -> {
            int at = position.applyAsInt(layout);
            if (at >= 0) {
                cases.append(" WHEN ").append(id).append(" THEN ").append(image).append("[").append(at + 1).append("]");
            }
        });
        return cases.append(" END").toString();
    }

    private static String cast(String value, String type) {
        return type == null ? value : "(" + value + ")::" + type;
    }

    private static String prefixed(String prefix, CharSequence names) {
        return prefix + names.toString().replace(", ", ", " + prefix);
    }
}
