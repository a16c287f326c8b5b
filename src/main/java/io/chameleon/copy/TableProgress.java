package io.chameleon.copy;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one table's copy, updated by its workers and read by the progress display. */
final class TableProgress {

    private final String table;
    private final long estimatedRows;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong nulled = new AtomicLong();
    private volatile long startedNanos;
    private volatile long finishedNanos;

    TableProgress(String table, long estimatedRows) {
        this.table = table;
        this.estimatedRows = estimatedRows;
    }

    void started() {
        startedNanos = System.nanoTime();
    }

    void finished() {
        finishedNanos = System.nanoTime();
    }

    void rowCopied() {
        rows.incrementAndGet();
    }

    void copied(int rowCount, long byteCount) {
        rows.addAndGet(rowCount);
        bytes.addAndGet(byteCount);
    }

    void rowDiscarded() {
        discarded.incrementAndGet();
    }

    String table() {
        return table;
    }

    long rows() {
        return rows.get();
    }

    long bytes() {
        return bytes.get();
    }

    void valueNulled() {
        nulled.incrementAndGet();
    }

    long nulled() {
        return nulled.get();
    }

    long discarded() {
        return discarded.get();
    }

    long estimatedRows() {
        return estimatedRows;
    }

    boolean isStarted() {
        return startedNanos != 0;
    }

    boolean isFinished() {
        return finishedNanos != 0;
    }

    /** Seconds spent so far (or in total once finished). */
    double elapsedSeconds() {
        if (startedNanos == 0) {
            return 0;
        }
        long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
        return (end - startedNanos) / 1e9;
    }
}
