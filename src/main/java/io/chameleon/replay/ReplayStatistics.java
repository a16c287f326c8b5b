package io.chameleon.replay;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the replay worker for the metrics endpoint, added to once per replay transaction. */
public final class ReplayStatistics {

    private final LongAdder rows = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder ddl = new LongAdder();

    void applied(ReplayResult result) {
        rows.add(result.rows());
        batches.add(result.batches());
        ddl.add(result.ddl());
    }

    void transactions(long count) {
        transactions.add(count);
    }

    /** Row changes and truncates applied to target tables since this process started. */
    public long rows() {
        return rows.sum();
    }

    public long batches() {
        return batches.sum();
    }

    /** Replay transactions committed (each holds one or more whole batches). */
    public long transactions() {
        return transactions.sum();
    }

    public long ddl() {
        return ddl.sum();
    }
}
