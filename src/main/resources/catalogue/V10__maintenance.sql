-- Catalogue version 10: when maintenance (run_maintenance, auto_maintenance) last ran for a source, so the running
-- replica knows when the next automatic pass is due and show_status can say it.
ALTER TABLE ${catalogue}.source ADD COLUMN maintained_at timestamptz;
