package io.chameleon.replay;

/**
 * What one replay transaction did.
 *
 * @param batches log batches replayed (and marked so)
 * @param rows    row events and truncates applied to target tables
 * @param ddl     schema changes applied
 * @param skipped events of tables not replicated, disabled, or disabled by an error in this transaction
 */
public record ReplayResult(int batches, long rows, long ddl, long skipped) {

    public static final ReplayResult IDLE = new ReplayResult(0, 0, 0, 0);

    /** Nothing was waiting. */
    public boolean idle() {
        return batches == 0;
    }
}
