package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source's changes are replayed.
 *
 * @param maxRowsPerTransaction replay_max_rows: row events per PostgreSQL transaction (a larger batch goes alone)
 * @param onErrorReplay         on_error_replay: disable the failing table and go on, or stop the source
 * @param idleWait              sleep_loop: longest wait for new batches when caught up (a NOTIFY ends it early)
 * @param batchRetention        batch_retention: how long replayed log_batch rows are kept (PostgreSQL interval)
 */
public record ReplaySettings(int maxRowsPerTransaction, ErrorPolicy onErrorReplay, Duration idleWait,
                             String batchRetention) {

    public static final String DEFAULT_BATCH_RETENTION = "1 day";

    public ReplaySettings {
        if (maxRowsPerTransaction < 1) {
            throw new IllegalArgumentException("replay_max_rows must be positive, got " + maxRowsPerTransaction);
        }
        Objects.requireNonNull(onErrorReplay, "onErrorReplay");
        if (idleWait == null || idleWait.isNegative() || idleWait.isZero()) {
            throw new IllegalArgumentException("sleep_loop must be positive, got " + idleWait);
        }
        Objects.requireNonNull(batchRetention, "batchRetention");
    }

    public ReplaySettings(int maxRowsPerTransaction, ErrorPolicy onErrorReplay, Duration idleWait) {
        this(maxRowsPerTransaction, onErrorReplay, idleWait, DEFAULT_BATCH_RETENTION);
    }
}
