-- Catalogue version 6: the replica process and transactions logged in parts.

-- A batch is visible to replay only once complete: a source transaction larger than memory is logged in parts
-- into one batch, completed in the same PostgreSQL transaction as its commit position.
ALTER TABLE ${catalogue}.log_batch ADD COLUMN complete boolean NOT NULL DEFAULT true;

-- The process replicating a source proves it is alive here, so status never says running for a dead process.
ALTER TABLE ${catalogue}.source
    ADD COLUMN process_host text,
    ADD COLUMN process_pid  integer,
    ADD COLUMN alive_at     timestamptz;
