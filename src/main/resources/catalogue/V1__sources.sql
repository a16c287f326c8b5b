-- Catalogue version 1: sources, their schema mappings and the replicated-table registry.
CREATE SCHEMA ${catalogue};

CREATE TABLE ${catalogue}.catalogue_version (
    version      integer PRIMARY KEY,
    description  text        NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TYPE ${catalogue}.source_status AS ENUM
    ('ready', 'initialising', 'initialised', 'syncing', 'synced', 'stopped', 'running', 'error');

CREATE TABLE ${catalogue}.source (
    source_id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_name        text    NOT NULL UNIQUE,
    source_type        text    NOT NULL CHECK (source_type IN ('mysql', 'pgsql')),
    status             ${catalogue}.source_status NOT NULL DEFAULT 'ready',
    consistent         boolean NOT NULL DEFAULT false,
    -- high-watermark taken after the initial copy: the source is consistent once the stream passes it
    hw_binlog_file     text,
    hw_binlog_position bigint,
    hw_gtid_set        text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    status_changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${catalogue}.schema_mapping (
    source_id          integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    origin_schema      text    NOT NULL,
    -- a destination schema belongs to one source only
    destination_schema text    NOT NULL UNIQUE,
    PRIMARY KEY (source_id, origin_schema)
);

CREATE TABLE ${catalogue}.replicated_table (
    table_id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id            integer NOT NULL REFERENCES ${catalogue}.source ON DELETE CASCADE,
    origin_schema        text    NOT NULL,
    table_name           text    NOT NULL,
    destination_schema   text    NOT NULL,
    -- primary key, else first unique key; NULL: copied but not replicated (see not_replicated_reason)
    key_columns          text[],
    replica_enabled      boolean NOT NULL DEFAULT true,
    not_replicated_reason text,
    -- binlog coordinates of the table's copy snapshot; cleared once the stream passes them
    copy_binlog_file     text,
    copy_binlog_position bigint,
    copy_gtid_set        text,
    copied_rows          bigint,
    copied_at            timestamptz,
    UNIQUE (source_id, origin_schema, table_name)
);
