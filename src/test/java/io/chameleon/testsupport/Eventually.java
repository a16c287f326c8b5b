package io.chameleon.testsupport;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (no sleeps-and-hope): polls, and fails with the last value seen. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code actual} until it equals {@code expected}; fails after {@code timeout} showing both. */
    public static <T> void equals(T expected, Supplier<T> actual, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = actual.get();
            if (Objects.equals(expected, last)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        throw new AssertionError("not reached within " + timeout.toSeconds() + " s\nexpected: " + expected
                + "\nlast seen: " + last);
    }
}
