package io.chameleon.capture.binlog;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Breaks the stream off when the server has been silent longer than a few heartbeat periods: a connection lost
 * without a reset (a dead network path) would otherwise hang forever.
 */
public final class Watchdog {

    private final BinlogEventTranslator translator;
    private final Duration silenceLimit;
    private final Consumer<String> breakOff;
    private Thread thread;
    private volatile boolean running;

    Watchdog(BinlogEventTranslator translator, Duration silenceLimit, Consumer<String> breakOff) {
        this.translator = translator;
        this.silenceLimit = silenceLimit;
        this.breakOff = breakOff;
    }

    void start() {
        running = true;
        thread = new Thread(this::watch, "binlog-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long silentMillis = System.currentTimeMillis() - translator.lastEventMillis();
            if (running && silentMillis > silenceLimit.toMillis()) {
                breakOff.accept("no event nor heartbeat from the source for " + silentMillis / 1000 + " s");
                return;
            }
        }
    }
}
