-- Catalogue version 3: schema history, replay errors and discarded rows.

-- Structure of each replicated table by binlog position, so rows are decoded with the structure in force.
CREATE TABLE ${catalogue}.schema_history (
    history_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id        integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    origin_schema    text    NOT NULL,
    table_name       text    NOT NULL,
    binlog_file      text    NOT NULL,
    binlog_position  bigint  NOT NULL,
    structure        jsonb   NOT NULL,
    ddl              text,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schema_history_lookup
    ON ${catalogue}.schema_history (source_id, origin_schema, table_name, binlog_file, binlog_position);

-- Replay failures. Only the source is mandatory so that writing an error row cannot itself fail.
CREATE TABLE ${catalogue}.replay_error (
    error_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id          integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    batch_id           bigint,
    destination_schema text,
    table_name         text,
    binlog_file        text,
    binlog_position    bigint,
    statement          text,
    sqlstate           text,
    error_message      text,
    occurred_at        timestamptz NOT NULL DEFAULT now()
);

-- Rows that were not written to the target (bad-value policy 'discard'), with the reason.
CREATE TABLE ${catalogue}.discarded_row (
    row_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id        integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    origin_schema    text,
    table_name       text,
    binlog_file      text,
    binlog_position  bigint,
    column_name      text,
    reason           text NOT NULL,
    row_data         text,
    discarded_at     timestamptz NOT NULL DEFAULT now()
);
