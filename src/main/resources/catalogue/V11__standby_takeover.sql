-- Catalogue version 11: several replica processes per source, one active, fenced by an epoch.

-- The fencing token: each process that becomes the active one of a source increments it (under a row lock that
-- waits for every transaction still holding the old value), and every write transaction of the reader and of
-- replay checks it still holds its value. A stale active process cannot commit once a successor took over.
ALTER TABLE ${catalogue}.source ADD COLUMN epoch bigint NOT NULL DEFAULT 0;

-- The epoch of the process that logged a batch: who wrote what, after a takeover.
ALTER TABLE ${catalogue}.log_batch ADD COLUMN epoch bigint;

-- Every process started for a source, active or standby, with its last sign of life (show_status).
CREATE TABLE ${catalogue}.replica_process (
    source_id integer     NOT NULL REFERENCES ${catalogue}.source (source_id) ON DELETE CASCADE,
    host      text        NOT NULL,
    pid       bigint      NOT NULL,
    role      text        NOT NULL CHECK (role IN ('standby', 'active')),
    since     timestamptz NOT NULL DEFAULT now(),
    alive_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, host, pid)
);
