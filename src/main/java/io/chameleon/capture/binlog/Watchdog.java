package io.chameleon.capture.binlog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Breaks the stream off when the server has been silent longer than a few heartbeat periods: a connection lost
 * without a reset (a dead network path) would otherwise hang forever.
 */
public final class Watchdog {

    private final BinlogEventTranslator translator;
    private final Duration silenceLimit;
    private final Consumer<String> breakOff;
    private ScheduledExecutorService timer;

    Watchdog(BinlogEventTranslator translator, Duration silenceLimit, Consumer<String> breakOff) {
        this.translator = translator;
        this.silenceLimit = silenceLimit;
        this.breakOff = breakOff;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "binlog-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check() {
        long silentMillis = System.currentTimeMillis() - translator.lastEventMillis();
        if (silentMillis > silenceLimit.toMillis() && !timer.isShutdown()) {
            timer.shutdown(); // once: the stream reconnects with a watchdog of its own
            breakOff.accept("no event nor heartbeat from the source for " + silentMillis / 1000 + " s");
        }
    }
}
