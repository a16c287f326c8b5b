package io.chameleon.notify;

import java.time.Duration;

/**
 * At most one log line per interval for a repeated condition (a receiver down fails every alert): says whether
 * to log now and how many occurrences were left unlogged since the last line.
 */
final class LogThrottle {

    private final long intervalNanos;
    private long lastNanos;
    private boolean logged;
    private long suppressed;

    LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** -1 when this occurrence should not be logged; otherwise the occurrences not logged before it. */
    synchronized long suppressedIfTooSoon() {
        long now = System.nanoTime();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return -1;
        }
        long count = suppressed;
        suppressed = 0;
        logged = true;
        lastNanos = now;
        return count;
    }
}
