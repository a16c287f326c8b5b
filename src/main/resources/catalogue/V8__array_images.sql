-- Catalogue version 8: row images as arrays of column texts instead of jsonb objects. PostgreSQL stores a text
-- array from binary COPY without parsing it, where a jsonb image had its JSON parsed on the way in and unpacked
-- again by replay; the column names, the same in every row of a table, are kept once per layout instead.

-- What the arrays of change-log rows hold: the after image has a value for each of column_names, the before
-- image (updates and deletes) one for each of key_columns, in that order. Rows written while the table had
-- another structure point at another layout. Layouts are never changed; a new structure adds one.
CREATE TABLE ${catalogue}.row_layout (
    layout_id     serial PRIMARY KEY,
    table_id      integer NOT NULL,
    column_names  text[]  NOT NULL,
    key_columns   text[]  NOT NULL,
    UNIQUE (table_id, column_names, key_columns)
);

ALTER TABLE ${catalogue}.change_log
    ADD COLUMN layout_id    integer,
    ADD COLUMN before_texts text[],
    ADD COLUMN after_texts  text[];

-- Rows logged before the upgrade and not replayed yet get layouts named after their images' keys (in jsonb's own
-- key order, the same for the names and the values). A json or jsonb column held its document in the image, any
-- other column its text as a JSON string: a document that is itself a JSON string is told apart by the column's
-- type in the target as the registry names it now (a table renamed since keeps it unquoted, and replay then
-- reports the document as invalid JSON).
INSERT INTO ${catalogue}.row_layout (table_id, column_names, key_columns)
SELECT DISTINCT c.table_id,
       ARRAY(SELECT k.key FROM jsonb_each(coalesce(c.row_after, c.row_before)) WITH ORDINALITY AS k (key, value, n)
             ORDER BY k.n),
       ARRAY(SELECT k.key FROM jsonb_each(coalesce(c.row_before, '{}')) WITH ORDINALITY AS k (key, value, n)
             ORDER BY k.n)
FROM ${catalogue}.change_log c
WHERE c.operation IN ('I', 'U', 'D');

WITH json_columns AS (
    SELECT t.table_id, array_agg(a.attname::text) AS names
    FROM ${catalogue}.replicated_table t
    JOIN pg_namespace ns ON ns.nspname = t.destination_schema
    JOIN pg_class r ON r.relnamespace = ns.oid AND r.relname = t.table_name
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE a.atttypid IN ('json'::regtype, 'jsonb'::regtype)
    GROUP BY t.table_id)
UPDATE ${catalogue}.change_log c SET
    layout_id = l.layout_id,
    before_texts = CASE WHEN c.row_before IS NOT NULL THEN ARRAY(
        SELECT CASE WHEN jsonb_typeof(v.value) = 'null' THEN NULL
                    WHEN jsonb_typeof(v.value) = 'string' AND NOT coalesce(v.key = ANY (j.names), false)
                        THEN v.value #>> '{}'
                    ELSE v.value::text END
        FROM jsonb_each(c.row_before) WITH ORDINALITY AS v (key, value, n) ORDER BY v.n) END,
    after_texts = CASE WHEN c.row_after IS NOT NULL THEN ARRAY(
        SELECT CASE WHEN jsonb_typeof(v.value) = 'null' THEN NULL
                    WHEN jsonb_typeof(v.value) = 'string' AND NOT coalesce(v.key = ANY (j.names), false)
                        THEN v.value #>> '{}'
                    ELSE v.value::text END
        FROM jsonb_each(c.row_after) WITH ORDINALITY AS v (key, value, n) ORDER BY v.n) END
FROM ${catalogue}.row_layout l
LEFT JOIN json_columns j ON j.table_id = l.table_id
WHERE c.operation IN ('I', 'U', 'D') AND l.table_id = c.table_id
  AND l.column_names = ARRAY(SELECT k.key FROM jsonb_each(coalesce(c.row_after, c.row_before))
                                 WITH ORDINALITY AS k (key, value, n) ORDER BY k.n)
  AND l.key_columns = ARRAY(SELECT k.key FROM jsonb_each(coalesce(c.row_before, '{}'))
                                WITH ORDINALITY AS k (key, value, n) ORDER BY k.n);

ALTER TABLE ${catalogue}.change_log DROP CONSTRAINT change_log_images;
ALTER TABLE ${catalogue}.change_log DROP COLUMN row_before, DROP COLUMN row_after;
ALTER TABLE ${catalogue}.change_log RENAME COLUMN before_texts TO row_before;
ALTER TABLE ${catalogue}.change_log RENAME COLUMN after_texts TO row_after;
ALTER TABLE ${catalogue}.change_log ADD CONSTRAINT change_log_images CHECK (CASE operation
    WHEN 'I' THEN row_after IS NOT NULL AND layout_id IS NOT NULL
    WHEN 'U' THEN row_before IS NOT NULL AND row_after IS NOT NULL AND layout_id IS NOT NULL
    WHEN 'D' THEN row_before IS NOT NULL AND layout_id IS NOT NULL
    WHEN 'T' THEN table_id IS NOT NULL
    WHEN 'S' THEN ddl IS NOT NULL
    ELSE false END);
