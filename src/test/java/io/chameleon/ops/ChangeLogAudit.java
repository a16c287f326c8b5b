package io.chameleon.ops;

import io.chameleon.testsupport.PostgresDatabase;

/**
 * Exactly-once checks on the catalogue of a test target ({@code chameleon_catalogue}): what the change log and the
 * batches say about capture and replay, as far as it can be observed from outside.
 */
record ChangeLogAudit(PostgresDatabase target) {

    private static final String CATALOGUE = "chameleon_catalogue";

    /** Row changes in completed batches: equals the source's committed row changes when nothing is lost or doubled. */
    long loggedRows() {
        return number("SELECT coalesce(sum(row_count), 0) FROM " + CATALOGUE + ".log_batch WHERE complete");
    }

    /** Batches whose binlog range starts before the end of the batch logged before them (a re-read transaction). */
    long overlappingBatches() {
        return number("SELECT count(*) FROM (SELECT start_binlog_file, start_binlog_position,"
                + " lag(end_binlog_file) OVER w AS prev_file, lag(end_binlog_position) OVER w AS prev_position"
                + " FROM " + CATALOGUE + ".log_batch WHERE complete WINDOW w AS (ORDER BY batch_id)) b"
                + " WHERE (start_binlog_file, start_binlog_position) < (prev_file, prev_position)");
    }

    /** Log rows that appear more than once (same table, binlog event and row images), among those still kept. */
    long duplicateLogRows() {
        return number("SELECT count(*) FROM (SELECT 1 FROM " + CATALOGUE + ".change_log GROUP BY table_id,"
                + " binlog_file, binlog_position, row_before, row_after HAVING count(*) > 1) d");
    }

    long keptLogRows() {
        return number("SELECT count(*) FROM " + CATALOGUE + ".change_log");
    }

    /** Parts of a transaction logged in pieces whose commit has not been logged yet. */
    long incompleteBatches() {
        return number("SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE NOT complete");
    }

    /** Completed batches not replayed yet, and their rows. */
    long pendingBatches() {
        return number("SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE complete AND replayed_at IS NULL");
    }

    long pendingRows() {
        return number("SELECT coalesce(sum(row_count), 0) FROM " + CATALOGUE + ".log_batch"
                + " WHERE complete AND replayed_at IS NULL");
    }

    /** Batches replayed, and the replay marker's last batch (they agree when replay ran exactly once). */
    long replayedBatches() {
        return number("SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE replayed_at IS NOT NULL");
    }

    long lastReplayedBatch() {
        return number("SELECT coalesce(max(last_batch_id), 0) FROM " + CATALOGUE + ".replay_progress");
    }

    long lastCompleteBatch() {
        return number("SELECT coalesce(max(batch_id), 0) FROM " + CATALOGUE + ".log_batch WHERE complete");
    }

    private long number(String sql) {
        return ((Number) target.queryForList(sql).get(0).get(0)).longValue();
    }
}
