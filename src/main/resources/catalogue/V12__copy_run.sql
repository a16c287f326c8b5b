-- Catalogue version 12: the last copy of each source (init_replica, sync_tables, refresh_schema, copy_schema, or the
-- replica's own copy after a purged binlog), so that show_status can show a copy running in the background and how
-- it ended. The copying process updates its row every few seconds; a row still 'running' whose process is gone is
-- reported as killed.
CREATE TABLE ${catalogue}.copy_run (
    source_id      integer     PRIMARY KEY REFERENCES ${catalogue}.source (source_id) ON DELETE CASCADE,
    command        text        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'killed')),
    tables_total   integer     NOT NULL DEFAULT 0,
    tables_done    integer     NOT NULL DEFAULT 0,
    rows_copied    bigint      NOT NULL DEFAULT 0,
    rows_estimated bigint      NOT NULL DEFAULT 0,
    bytes_copied   bigint      NOT NULL DEFAULT 0,
    host           text        NOT NULL,
    pid            bigint      NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    ended_at       timestamptz,
    message        text
);
