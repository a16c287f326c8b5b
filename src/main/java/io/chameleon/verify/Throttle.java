package io.chameleon.verify;

/** Keeps the rows read per second at or under a rate, by sleeping between chunks (0: no limit). */
final class Throttle {

    private final double rowsPerSecond;
    private final long startedNanos = System.nanoTime();
    private long rows;

    Throttle(double rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    void read(long count) throws InterruptedException {
        rows += count;
        if (rowsPerSecond <= 0) {
            return;
        }
        long dueNanos = (long) (rows / rowsPerSecond * 1e9);
        long aheadNanos = dueNanos - (System.nanoTime() - startedNanos);
        if (aheadNanos > 0) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }
}
