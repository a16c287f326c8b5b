-- Catalogue version 2: the change log written by the reader, its resume position and the replay progress.

-- One row per group of whole source transactions written by the reader in one PostgreSQL transaction.
CREATE TABLE ${catalogue}.log_batch (
    batch_id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id             integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    start_binlog_file     text    NOT NULL,
    start_binlog_position bigint  NOT NULL,
    end_binlog_file       text    NOT NULL,
    end_binlog_position   bigint  NOT NULL,
    end_gtid_set          text,
    transaction_count     integer NOT NULL,
    row_count             integer NOT NULL,
    first_event_time      timestamptz,
    last_event_time       timestamptz,
    logged_at             timestamptz NOT NULL DEFAULT now(),
    replayed_at           timestamptz
);
CREATE INDEX log_batch_pending ON ${catalogue}.log_batch (source_id, batch_id) WHERE replayed_at IS NULL;

-- Row images and DDL in binlog order; consumed rows are removed by the replay worker.
CREATE TABLE ${catalogue}.change_log (
    batch_id         bigint   NOT NULL REFERENCES ${catalogue}.log_batch ON DELETE CASCADE,
    event_seq        integer  NOT NULL,
    transaction_seq  integer  NOT NULL,
    table_id         integer,
    operation        char(1)  NOT NULL CHECK (operation IN ('I', 'U', 'D', 'T')),
    binlog_file      text     NOT NULL,
    binlog_position  bigint   NOT NULL,
    event_time       timestamptz,
    row_before       jsonb,
    row_after        jsonb,
    ddl              text,
    PRIMARY KEY (batch_id, event_seq)
);

-- Where the reader resumes: always a source transaction boundary, committed with the logged rows.
CREATE TABLE ${catalogue}.read_position (
    source_id        integer PRIMARY KEY REFERENCES ${catalogue}.source ON DELETE CASCADE,
    binlog_file      text   NOT NULL,
    binlog_position  bigint NOT NULL,
    gtid_set         text,
    last_event_time  timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- What the replay worker applied last: committed with the applied rows.
CREATE TABLE ${catalogue}.replay_progress (
    source_id        integer PRIMARY KEY REFERENCES ${catalogue}.source ON DELETE CASCADE,
    last_batch_id    bigint,
    last_event_time  timestamptz,
    applied_rows     bigint NOT NULL DEFAULT 0,
    applied_ddl      bigint NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
