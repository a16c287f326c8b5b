package io.chameleon.replay;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a hard deadline, polling, instead of sleeping and hoping. */
final class Eventually {

    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - end >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
