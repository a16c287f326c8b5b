-- Catalogue version 9: how many row changes of each table a batch holds, written by the reader with the batch.
-- show_status reads its pending changes per table from these few values per batch instead of counting the change
-- log, which took seconds once the replay fell millions of rows behind. Batches logged before the upgrade have
-- none: their rows are still counted in the change log.
ALTER TABLE ${catalogue}.log_batch
    ADD COLUMN table_ids  integer[],
    ADD COLUMN table_rows integer[];
