package io.chameleon.error;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The pace of retries after a failure that heals (a lost connection, a server restarting): waits from 1 s doubling
 * up to {@link #MAX}, slept in short steps so that a stop request ends the wait at once.
 */
public final class Backoff {

    public static final Duration MAX = Duration.ofSeconds(30);

    private Backoff() {
    }

    /** The wait before the next attempt after {@code failedAttempts} failed ones in a row. */
    public static Duration after(int failedAttempts) {
        Duration wait = Duration.ofMillis(500L << Math.min(failedAttempts, 6));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    /** Sleeps {@code wait}, or less when {@code stop} becomes true or the thread is interrupted. */
    public static void sleep(Duration wait, BooleanSupplier stop) {
        long until = System.nanoTime() + wait.toNanos();
        while (!stop.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
