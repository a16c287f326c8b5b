-- Catalogue version 13: the row layouts a batch's images use and the bytes of its after images per table (aligned
-- with table_ids), written by the reader with the batch's row changes per table (version 9). A chunk without
-- truncates or schema changes then learns its tables, their row counts, their layouts and the average size of their
-- images (which decides the form of each table's replay statement) from these few values per batch instead of a scan
-- of every row it holds. Batches logged before the upgrade have none: replay counts their rows in the change log.
ALTER TABLE ${catalogue}.log_batch
    ADD COLUMN layout_ids integer[],
    ADD COLUMN table_image_bytes bigint[];
