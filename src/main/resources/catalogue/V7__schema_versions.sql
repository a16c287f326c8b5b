-- Catalogue version 7: schema history tied to the change log, so replay names tables and keys as they were at
-- each point of the log, however far it lags behind the reader.

ALTER TABLE ${catalogue}.schema_history
    ADD COLUMN table_id                integer,
    -- the schema-change event ('S') of the change log that made this version; NULL when none was logged (the
    -- change altered the source structure only, e.g. a character set)
    ADD COLUMN batch_id                bigint,
    ADD COLUMN event_seq               integer,
    -- the target table and replica key from this version on (NULL key: not replicated; dropped: the table is gone)
    ADD COLUMN destination_schema      text,
    ADD COLUMN key_columns             text[],
    ADD COLUMN dropped                 boolean NOT NULL DEFAULT false,
    -- the same, as they were just before this version
    ADD COLUMN prev_destination_schema text,
    ADD COLUMN prev_table_name         text,
    ADD COLUMN prev_key_columns        text[],
    ALTER COLUMN structure DROP NOT NULL;

CREATE INDEX schema_history_by_table ON ${catalogue}.schema_history (table_id, history_id);

-- What replay applied to each table: row changes and truncates, committed with them (show_status --source).
ALTER TABLE ${catalogue}.replicated_table
    ADD COLUMN applied_changes bigint NOT NULL DEFAULT 0,
    ADD COLUMN last_applied_at timestamptz;
