package io.chameleon.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition with a hard deadline instead of sleeping and hoping. */
final class Deadline {

    /** One attempt; returns true when the condition holds, may throw to report the latest reason it does not. */
    @FunctionalInterface
    interface Probe {
        boolean holds() throws Exception;
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Deadline() {
    }

    /**
     * Polls {@code probe} until it holds. {@code abort} is checked first on every round so a crashed
     * process fails at once instead of after the full timeout; it returns a reason or null.
     */
    static void await(String what, Duration timeout, Supplier<String> abort, Probe probe) {
        long end = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            String abortReason = abort.get();
            if (abortReason != null) {
                throw new ServerException(what + " failed: " + abortReason, lastFailure);
            }
            try {
                if (probe.holds()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() - end >= 0) {
                String last = lastFailure == null ? "" : " (last attempt: " + lastFailure.getMessage() + ")";
                throw new ServerException(what + " timed out after " + timeout.toSeconds() + " s" + last, lastFailure);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerException(what + " was interrupted", e);
            }
        }
    }
}
