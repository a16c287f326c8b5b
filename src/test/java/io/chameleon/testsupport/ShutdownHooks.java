package io.chameleon.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;

/** Stops private servers when the JVM exits, whether tests passed or failed, unless they were stopped earlier. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** The action runs exactly once: on {@link Registration#runNow()} or at JVM exit, whichever comes first. */
    static Registration register(Runnable action) {
        Registration registration = new Registration(action);
        Runtime.getRuntime().addShutdownHook(registration.thread);
        return registration;
    }

    static final class Registration {
        private final AtomicBoolean done = new AtomicBoolean();
        private final Runnable action;
        private final Thread thread;

        private Registration(Runnable action) {
            this.action = action;
            this.thread = new Thread(this::runOnce, "chameleon-test-server-shutdown");
        }

        void runNow() {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; runOnce makes the second call a no-op
            }
            runOnce();
        }

        private void runOnce() {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        }
    }
}
