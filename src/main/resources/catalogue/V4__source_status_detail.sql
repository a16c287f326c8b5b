-- Catalogue version 4: what the last status change was about (which table failed, what init did), for show_status.
ALTER TABLE ${catalogue}.source ADD COLUMN status_detail text;
