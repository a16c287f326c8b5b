package io.chameleon.ops;

import io.chameleon.capture.CaptureStatistics;

import java.util.concurrent.atomic.AtomicReference;

/** What the health checks and logs read about a running replica: its parts' state and the first failure. */
public final class ReplicaComponents {

    private final String source;
    private final int maxLagSeconds;
    private final CaptureStatistics capture = new CaptureStatistics();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean readerRunning;
    private volatile boolean replayRunning;
    private volatile double replayLagSeconds;

    public ReplicaComponents(String source, int maxLagSeconds) {
        this.source = source;
        this.maxLagSeconds = maxLagSeconds;
    }

    public int maxLagSeconds() {
        return maxLagSeconds;
    }

    public String source() {
        return source;
    }

    public CaptureStatistics capture() {
        return capture;
    }

    public boolean readerRunning() {
        return readerRunning;
    }

    public boolean replayRunning() {
        return replayRunning;
    }

    public double replayLagSeconds() {
        return replayLagSeconds;
    }

    public String failure() {
        return failure.get();
    }

    void readerRunning(boolean running) {
        readerRunning = running;
    }

    void replayRunning(boolean running) {
        replayRunning = running;
    }

    void replayLagSeconds(double seconds) {
        replayLagSeconds = seconds;
    }

    /** Records the first fatal failure; the process then stops. */
    void failed(String what) {
        failure.compareAndSet(null, what);
    }
}
