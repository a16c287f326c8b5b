package io.chameleon.capture;

import io.chameleon.mysql.BinlogPosition;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the reader for health checks, status and logs. */
public final class CaptureStatistics {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile BinlogPosition position;
    private volatile long lastWriteMillis;
    private volatile boolean connected;

    void written(int rowCount, int transactionCount, BinlogPosition at, long sourceMillis) {
        rows.addAndGet(rowCount);
        transactions.addAndGet(transactionCount);
        position = at;
        lastWriteMillis = System.currentTimeMillis();
    }

    /** The reader starts at the catalogue's read position: where it stands until it writes. */
    void started(BinlogPosition at) {
        position = at;
    }

    void skipped(int rowCount) {
        skipped.addAndGet(rowCount);
    }

    void connected(boolean value) {
        connected = value;
    }

    public long rows() {
        return rows.get();
    }

    public long transactions() {
        return transactions.get();
    }

    public long skippedRows() {
        return skipped.get();
    }

    public BinlogPosition position() {
        return position;
    }

    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    public boolean connected() {
        return connected;
    }
}
