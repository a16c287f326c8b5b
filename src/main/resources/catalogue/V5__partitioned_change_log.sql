-- Catalogue version 5: the change log partitioned by batch, so that replayed batches are dropped a partition at a
-- time (no DELETE, no VACUUM debt). The change_log of version 2 never held data, so it is simply replaced.
DROP TABLE ${catalogue}.change_log;

-- Row images and DDL in binlog order. Partitions cover a fixed range of batch ids (ChangeLogPartitions); there is
-- no default partition, so a writer that forgot to create its partition fails instead of filling a catch-all.
-- No foreign key to log_batch: creating or dropping a partition would then lock log_batch against the reader and
-- the replay worker. Removing a source deletes its change-log rows itself (SourceRepository.remove).
CREATE TABLE ${catalogue}.change_log (
    batch_id         bigint   NOT NULL,
    event_seq        integer  NOT NULL,
    table_id         integer,
    -- I insert, U update, D delete, T truncate of the table, S schema change (DDL text in ddl)
    operation        char(1)  NOT NULL,
    binlog_file      text     NOT NULL,
    binlog_position  bigint   NOT NULL,
    event_time       timestamptz,
    -- images: column name -> PostgreSQL text representation (json/jsonb columns: the document itself)
    row_before       jsonb,
    row_after        jsonb,
    ddl              text,
    PRIMARY KEY (batch_id, event_seq),
    CONSTRAINT change_log_images CHECK (CASE operation
        WHEN 'I' THEN row_after IS NOT NULL
        WHEN 'U' THEN row_before IS NOT NULL AND row_after IS NOT NULL
        WHEN 'D' THEN row_before IS NOT NULL
        WHEN 'T' THEN table_id IS NOT NULL
        WHEN 'S' THEN ddl IS NOT NULL
        ELSE false END)
) PARTITION BY RANGE (batch_id);

-- Truncates and DDL are replay barriers; this small index finds them in a chunk without reading its rows.
CREATE INDEX change_log_barrier ON ${catalogue}.change_log (batch_id, event_seq) WHERE operation IN ('T', 'S');

-- Retention: replayed batches of a source by age.
CREATE INDEX log_batch_replayed ON ${catalogue}.log_batch (source_id, replayed_at) WHERE replayed_at IS NOT NULL;
