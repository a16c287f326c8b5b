-- Catalogue version 13: the row layouts a batch's images use, written by the reader with the batch's row changes
-- per table (version 9). A chunk without truncates or schema changes then learns its tables, their row counts and
-- their layouts from these few values per batch instead of a scan of every row it holds. Batches logged before
-- the upgrade have none: replay counts their rows in the change log.
ALTER TABLE ${catalogue}.log_batch
    ADD COLUMN layout_ids integer[];
