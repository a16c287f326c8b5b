package io.chameleon.ops;

import io.chameleon.capture.CaptureStatistics;
import io.chameleon.copy.CopyProgress;
import io.chameleon.replay.ReplayStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** What the health checks and logs read about a running replica: its parts' state and the first failure. */
public final class ReplicaComponents {

    private static final Duration STEADY_AFTER = Duration.ofMinutes(1);

    private final String source;
    private final int maxLagSeconds;
    private final CaptureStatistics capture = new CaptureStatistics();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean readerRunning;
    private volatile boolean replayRunning;
    private volatile boolean resyncing;
    private volatile double replayLagSeconds;
    private final PartRestarts restarts = new PartRestarts();
    private final ReplayStatistics replay = new ReplayStatistics();
    private volatile Supplier<CopyProgress> copy = () -> CopyProgress.NONE;
    /** Standby until this process holds the source's lock; a standby is live but not ready. */
    private volatile boolean standby;
    private volatile Instant roleSince = Instant.now();

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

    /** The copy this process runs (auto_resync_purged_binlog), {@link CopyProgress#NONE} when none runs. */
    public CopyProgress copyProgress() {
        return copy.get();
    }

    void copying(Supplier<CopyProgress> progress) {
        copy = progress;
    }

    public ReplayStatistics replay() {
        return replay;
    }

    /** Restarts after passing failures (reconnects) of a part since the process started. */
    public long restarts(String part) {
        return restarts.total(part);
    }

    public boolean readerRunning() {
        return readerRunning;
    }

    public boolean replayRunning() {
        return replayRunning;
    }

    /** Whether the process is copying the source again (auto_resync_purged_binlog), its parts stopped meanwhile. */
    public boolean resyncing() {
        return resyncing;
    }

    public double replayLagSeconds() {
        return replayLagSeconds;
    }

    public boolean standby() {
        return standby;
    }

    public Instant roleSince() {
        return roleSince;
    }

    void standby(boolean waiting) {
        if (waiting != standby) {
            roleSince = Instant.now();
        }
        standby = waiting;
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

    void resyncing(boolean copying) {
        resyncing = copying;
    }

    void replayLagSeconds(double seconds) {
        replayLagSeconds = seconds;
    }

    /**
     * The part that is restarting after passing failures, while it has not got going again: the reader until it
     * logs past the position it restarted at, the replay worker until it has run for a minute without failing.
     */
    public Optional<PartRestarts.Restarting> restarting() {
        PartRestarts.Restarting current = restarts.current();
        if (current == null) {
            return Optional.empty();
        }
        boolean readerMovedOn = current.part().equals(PartRestarts.READER) && capture.position() != null
                && !Objects.equals(capture.position(), current.position());
        boolean replayWorks = current.part().equals(PartRestarts.REPLAY) && replayRunning
                && current.latest().plus(STEADY_AFTER).isBefore(Instant.now());
        if (readerMovedOn || replayWorks) {
            restarts.recovered(current.part());
            return Optional.empty();
        }
        return Optional.of(current);
    }

    PartRestarts.Restarting restarted(String part, String failure) {
        return restarts.restarted(part, capture.position(), failure);
    }

    /** Records the first fatal failure; the process then stops. */
    void failed(String what) {
        failure.compareAndSet(null, what);
    }
}
