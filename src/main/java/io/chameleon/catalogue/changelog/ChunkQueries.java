package io.chameleon.catalogue.changelog;

import io.chameleon.postgres.PgIdentifiers;

/**
 * The catalogue statements a replay chunk's apply runs, besides the per-table net-effect statement (which reads
 * {@link #changeLog()} as {@code c}). A range of events is given as a WHERE condition on the change_log alias
 * {@code c}, with literal values so that a failing statement can be logged as it ran.
 */
public final class ChunkQueries {

    private final String schema;

    public ChunkQueries(String catalogueSchema) {
        this.schema = catalogueSchema;
    }

    /** The change_log table, qualified. */
    public String changeLog() {
        return table("change_log");
    }

    /** Truncates and schema changes of a chunk, in log order (served by the change_log_barrier index). */
    public String barriers(String chunk) {
        return "SELECT c.batch_id, c.event_seq, c.operation, c.table_id, c.ddl, c.binlog_file, c.binlog_position"
                + " FROM " + table("change_log") + " c WHERE " + chunk
                + " AND c.operation IN " + ChangeLogFormat.BARRIERS + " ORDER BY c.batch_id, c.event_seq";
    }

    /**
     * Row events per table and row layout in a segment, and the bytes of their after images (NULL when none has one).
     * The bytes are pg_column_size's, the stored datum's: a few bytes a column from the length of the reader's
     * binary image (which the batch summaries record), and less for an image PostgreSQL compressed; close enough
     * for an average that picks a statement's form.
     */
    public String rowCounts(String segment) {
        return "SELECT c.table_id, c.layout_id, count(*), sum(pg_column_size(c.row_after)) FROM "
                + table("change_log") + " c WHERE "
                + segment + " AND c.operation IN " + ChangeLogFormat.ROW_OPERATIONS + " GROUP BY c.table_id, c.layout_id"
                + " ORDER BY c.table_id, c.layout_id";
    }

    /**
     * Row changes per table of whole batches (parameter: their ids) with the layouts of each table's images and the
     * bytes of its after images, from the summaries the reader recorded with each batch (log_batch.table_ids,
     * table_rows, layout_ids, table_image_bytes) rather than their rows. One row per table in table id order, or a
     * single row with a NULL table when there are none; every row also carries how many of the batches have a
     * summary and how many of their layouts the catalogue lacks. The counts include truncates; the bytes are NULL
     * when a batch recorded none.
     */
    public String recordedRowCounts() {
        return "WITH b AS (SELECT table_ids, table_rows, table_image_bytes, layout_ids FROM " + table("log_batch")
                + " WHERE batch_id = ANY (?::bigint[])),"
                + " l AS (SELECT DISTINCT x.layout_id, r.table_id FROM b CROSS JOIN LATERAL unnest(b.layout_ids)"
                + " AS x (layout_id) LEFT JOIN " + table("row_layout") + " r ON r.layout_id = x.layout_id),"
                // unnest pads a missing table_image_bytes with NULLs, which leave the table's sum unknown
                + " t AS (SELECT u.table_id, sum(u.n) AS n,"
                + " CASE WHEN count(u.image_bytes) = count(*) THEN sum(u.image_bytes) END AS image_bytes"
                + " FROM b CROSS JOIN LATERAL unnest(b.table_ids, b.table_rows, b.table_image_bytes)"
                + " AS u (table_id, n, image_bytes) GROUP BY u.table_id)"
                + " SELECT s.described, s.unknown_layouts, t.table_id, t.n,"
                + " (SELECT array_agg(l.layout_id ORDER BY l.layout_id) FROM l WHERE l.table_id = t.table_id),"
                + " t.image_bytes"
                + " FROM (SELECT (SELECT count(*) FROM b WHERE b.table_ids IS NOT NULL AND b.table_rows IS NOT NULL"
                + " AND b.layout_ids IS NOT NULL) AS described,"
                + " (SELECT count(*) FROM l WHERE l.table_id IS NULL) AS unknown_layouts) s"
                + " LEFT JOIN t ON true ORDER BY t.table_id";
    }

    /** A table's row events in a segment, in log order, to find the one that fails. */
    public String eventsOf(int tableId, String segment) {
        return "SELECT c.batch_id, c.event_seq, c.binlog_file, c.binlog_position FROM " + table("change_log") + " c"
                + " WHERE " + segment + " AND c.table_id = " + tableId
                + " AND c.operation IN " + ChangeLogFormat.ROW_OPERATIONS + " ORDER BY c.batch_id, c.event_seq";
    }

    /**
     * Registered tables by id (parameters: source id, ids, then the log position as batch id and event sequence
     * twice) named as they were at that position: the newest schema-history version logged at or before it, else
     * what the first version after it replaced, else the registry (no DDL since the copy).
     */
    public String tables() {
        String history = table("schema_history");
        // column types as SQL type names (format_type quotes them), without typmod so a cast never truncates (bare
        // "character" and "bit" would mean length 1: bpchar and varbit instead)
        String typeName = "CASE a.atttypid WHEN 'bpchar'::regtype THEN 'bpchar' WHEN 'bit'::regtype THEN 'varbit'"
                + " WHEN '_bpchar'::regtype THEN 'bpchar[]' WHEN '_bit'::regtype THEN 'varbit[]'"
                + " ELSE format_type(a.atttypid, NULL) END";
        return "SELECT x.table_id, x.destination_schema, x.table_name, x.key_columns, x.replica_enabled,"
                // the key columns' types; NULL when the table or a key column is not there
                + " (SELECT array_agg(" + typeName + " ORDER BY k.n)"
                + " FROM unnest(x.key_columns) WITH ORDINALITY AS k (name, n)"
                + " JOIN pg_attribute a ON a.attrelid = x.relid AND a.attname = k.name AND NOT a.attisdropped),"
                // the columns an insert can write (not generated ones, which PostgreSQL computes) and their types;
                // NULL when the table is not there
                + " (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a"
                + " WHERE a.attrelid = x.relid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''),"
                + " (SELECT array_agg(" + typeName + " ORDER BY a.attnum) FROM pg_attribute a"
                + " WHERE a.attrelid = x.relid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''),"
                // the columns owning a sequence (identity: dependency 'i', serial: 'a') and the sequences' oids
                + " (SELECT array_agg(a.attname::text ORDER BY a.attnum)" + ownedSequences() + "),"
                + " (SELECT array_agg(d.objid::bigint ORDER BY a.attnum)" + ownedSequences() + "),"
                // a plain table, neither partitioned nor inherited from, where a row's ctid names that row alone
                + " (SELECT c.relkind = 'r' AND NOT c.relhassubclass FROM pg_class c WHERE c.oid = x.relid)"
                // the target table as named at that position (NULL when it is not there)
                + " FROM (SELECT y.*, (SELECT c.oid FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace"
                + " WHERE ns.nspname = y.destination_schema AND c.relname = y.table_name) AS relid"
                + " FROM (SELECT t.table_id,"
                + " coalesce(v.destination_schema, t.destination_schema) AS destination_schema,"
                + " coalesce(v.table_name, t.table_name) AS table_name,"
                + " CASE WHEN v.table_id IS NULL THEN t.key_columns ELSE v.key_columns END AS key_columns,"
                + " t.replica_enabled FROM " + table("replicated_table") + " t LEFT JOIN LATERAL ("
                + "(SELECT 1 AS pref, h.table_id, h.destination_schema, h.table_name, h.key_columns FROM " + history
                + " h WHERE h.table_id = t.table_id AND h.batch_id IS NOT NULL AND (h.batch_id, h.event_seq) <= (?, ?)"
                + " ORDER BY h.batch_id DESC, h.event_seq DESC LIMIT 1)"
                + " UNION ALL (SELECT 2, h.table_id, h.prev_destination_schema, h.prev_table_name, h.prev_key_columns"
                + " FROM " + history + " h WHERE h.table_id = t.table_id AND h.batch_id IS NOT NULL"
                + " AND h.prev_table_name IS NOT NULL AND (h.batch_id, h.event_seq) > (?, ?)"
                + " ORDER BY h.batch_id, h.event_seq LIMIT 1) ORDER BY pref LIMIT 1) v ON true"
                + " WHERE t.source_id = ? AND t.table_id = ANY (?)) y) x";
    }

    private static String ownedSequences() {
        return " FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
                + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
                + " AND d.refobjid = x.relid AND d.deptype IN ('a', 'i')";
    }

    /** Adds applied changes per table (parameters: table ids, counts). */
    public String countApplied() {
        return "UPDATE " + table("replicated_table") + " t SET applied_changes = t.applied_changes + c.n,"
                + " last_applied_at = now() FROM unnest(?::integer[], ?::bigint[]) AS c (id, n) WHERE t.table_id = c.id";
    }

    public String disableTable() {
        return "UPDATE " + table("replicated_table") + " SET replica_enabled = false WHERE table_id = ?";
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
