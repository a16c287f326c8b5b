package io.chameleon.ops;

import io.chameleon.capture.BinlogReader;
import io.chameleon.capture.binlog.PurgedBinlogException;
import io.chameleon.catalogue.FencedOutException;
import io.chameleon.catalogue.ReplayErrorRepository;
import io.chameleon.catalogue.SchemaMappingDifference;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CopyProgress;
import io.chameleon.copy.CopyScope;
import io.chameleon.copy.CopySettings;
import io.chameleon.copy.CopySummary;
import io.chameleon.copy.ReplicaCopy;
import io.chameleon.error.Backoff;
import io.chameleon.error.ChameleonException;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.ExitStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.notify.Notifier;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.replay.ReplaySettings;
import io.chameleon.replay.ReplayWorker;

import org.jboss.logging.Logger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The replica of one source: the reader and the replay worker on their own threads, plus a pulse that tells the
 * catalogue this process is alive. A part that fails for good stops the whole process with status {@code error};
 * a stop request ends both parts at a transaction boundary with status {@code stopped}. Passing failures (a
 * server restarting) are retried with backoff. Under {@code auto_resync_purged_binlog} a purged binlog stops both
 * parts, copies the source again as init_replica does, and starts them over from the copy: once per process start.
 */
public final class ReplicaProcess {

    private static final Logger LOG = Logger.getLogger(ReplicaProcess.class);
    static final Duration PULSE = Duration.ofSeconds(5);
    /** SQLSTATE "warning" of the show_errors row saying the source was copied again: nothing failed for good. */
    static final String RESYNC_SQLSTATE = "01000";

    private final ChameleonConfig config;
    /** As configured, with the catalogue's schema mappings once {@link #run} has read them. */
    private volatile SourceConfig source;
    private final PostgresConnector postgres;
    private final SourceConnector mysql;
    private final ReplicaComponents components;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile String failureSqlState;
    private volatile ExitStatus failureExit = ExitStatus.STATE;
    /** The purged binlog the parts stopped for, to be answered by a new copy; null when none is wanted. */
    private volatile PurgedBinlogException resyncWanted;
    private final AtomicBoolean resyncUsed = new AtomicBoolean();
    private final SourceFence fence;
    private volatile Notifier notifier = Notifier.none();
    /** Why this process is no longer the active one (set once); then it writes nothing more. */
    private volatile String fencedOut;

    public ReplicaProcess(ChameleonConfig config, SourceConfig source, PostgresConnector postgres,
                          SourceConnector mysql) {
        this(config, source, postgres, mysql, new ReplicaComponents(source.name(), source.readyMaxLagSeconds()),
                SourceFence.none());
    }

    /** One active term of a process that took over the source with this fence (see {@link SourceTakeover}). */
    ReplicaProcess(ChameleonConfig config, SourceConfig source, PostgresConnector postgres, SourceConnector mysql,
                   ReplicaComponents components, SourceFence fence) {
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.mysql = mysql;
        this.components = components;
        this.fence = fence;
    }

    /**
     * Another process is or may be the active one now (the lock's session was lost, or a write found a newer
     * epoch): both parts stop at once and nothing more is written, not even the end of the run.
     */
    void fenceLost(String why) {
        if (fencedOut == null) {
            fencedOut = why;
            LOG.warnf("event=fenced_out source=%s reason=\"%s\"", source.name(), why);
        }
    }

    /** Whether the run ended because this process lost the source to another one. */
    boolean fencedOut() {
        return fencedOut != null;
    }

    /** Where alerts go: the replica stopping on an error, a table switched off by a replay error. */
    public ReplicaProcess notifyingWith(Notifier notifier) {
        this.notifier = notifier;
        return this;
    }

    public ReplicaComponents components() {
        return components;
    }

    /** Asks the parts to stop at their next transaction boundary. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned (for shutdown hooks). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs until a stop request or a lasting failure; returns normally only after a requested stop. */
    public void run() {
        SourceRecord record;
        LivenessPulse pulse;
        try (Connection pg = postgres.connect()) {
            SourceRepository sources = new SourceRepository(pg, config.catalogueSchema());
            record = sources.require(source.name());
            source = mappingsInForce(record);
            sources.setStatus(source.name(), SourceStatus.RUNNING, LivenessPulse.REPLICATING);
        } catch (SQLException e) {
            finished.countDown();
            throw new ConnectionException("cannot register the replica of " + source.name() + ": " + e.getMessage(), e);
        }
        pulse = new LivenessPulse(postgres, config.catalogueSchema(), record.id(), PULSE, components, fence);
        pulse.start();
        AutoMaintenance maintenance = new AutoMaintenance(postgres, config.catalogueSchema(), source, record.id());
        maintenance.start();
        try {
            runParts(record.id());
            PurgedBinlogException purged = resyncWanted;
            if (purged != null && !stopRequested && resync(record.id(), purged)) {
                runParts(record.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestStop();
        } finally {
            pulse.stop();
            stopQuietly(maintenance);
            finish();
        }
    }

    private static void stopQuietly(AutoMaintenance maintenance) {
        try {
            maintenance.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The catalogue's schema mappings are the ones in force: update_schema_mappings applies an edited file. */
    private SourceConfig mappingsInForce(SourceRecord record) {
        SchemaMappingDifference difference = SchemaMappingDifference.between(record.schemaMappings(),
                source.schemaMappings());
        if (!difference.isEmpty()) {
            LOG.warnf("event=schema_mappings_differ %s", difference.warning(source.name(), null));
        }
        return source.withSchemaMappings(record.schemaMappings());
    }

    /** Runs the reader and the replay worker until a stop request, a lasting failure or a wanted re-copy. */
    private void runParts(int sourceId) throws InterruptedException {
        resyncWanted = null;
        BooleanSupplier stop = () -> stopRequested || components.failure() != null || resyncWanted != null
                || fencedOut != null;
        Thread reader = part("reader", () -> runReader(sourceId, stop), stop);
        Thread replay = part("replay", () -> runReplay(sourceId, stop), stop);
        reader.join();
        replay.join();
    }

    /**
     * The changes after the purged position never reached the change log, so the source is copied again as
     * init_replica does (the copy records the new read position and drops the batches not replayed yet, which
     * belong to the old stream), with both parts stopped. Said in the log, in show_errors (SQLSTATE 01000) and in
     * the status detail.
     *
     * @return whether the copy succeeded; a failed copy stops the replica in error, as the purge alone would have
     */
    private boolean resync(int sourceId, PurgedBinlogException purged) {
        BinlogPosition lost = purged.needed();
        LOG.warnf("event=resync_purged_binlog source=%s lost_position=%s action=copy_started reason=\"%s\"",
                source.name(), lost, purged.getMessage());
        components.resyncing(true);
        try {
            try (Connection pg = postgres.connect()) {
                new ReplayErrorRepository(pg, config.catalogueSchema()).recordProcessFailure(sourceId, lost,
                        RESYNC_SQLSTATE, "the binlog from " + lost + " was purged from the source before it was read;"
                                + " auto_resync_purged_binlog copies the whole source again and replication resumes"
                                + " from the new copy. " + purged.getMessage());
                new SourceRepository(pg, config.catalogueSchema()).setStatus(source.name(), SourceStatus.STOPPED,
                        "binlog from " + lost + " purged: copying the source again (auto_resync_purged_binlog)");
            }
            CopySummary copy;
            try (PrintWriter out = new PrintWriter(new LoggedLines(LOG, "event=resync_purged_binlog source="
                    + source.name() + " copy:"))) {
                ReplicaCopy replicaCopy = new ReplicaCopy(config, source, postgres, mysql,
                        CopySettings.of(source, false), out);
                components.copying(replicaCopy::progress);
                copy = replicaCopy.run(CopyScope.all(), "the automatic copy after the purged binlog from " + lost);
            }
            try (Connection pg = postgres.connect()) {
                new SourceRepository(pg, config.catalogueSchema()).setStatus(source.name(), SourceStatus.RUNNING,
                        LivenessPulse.REPLICATING + "; copied again after the binlog from " + lost + " was purged"
                                + " (show_errors)");
            }
            LOG.warnf("event=resync_purged_binlog source=%s lost_position=%s action=copied tables=%d rows=%d"
                    + " read_from=%s", source.name(), lost, copy.tables().size(), copy.rows(), copy.start());
            return true;
        } catch (SQLException | RuntimeException e) {
            stopOnLastingFailure("copy after the purged binlog from " + lost, e);
            return false;
        } finally {
            components.resyncing(false);
            components.copying(() -> CopyProgress.NONE);
        }
    }

    private void finish() {
        if (fencedOut != null) {
            // the catalogue row belongs to the new active process now
            LOG.warnf("event=replica_fenced source=%s action=stopped_writing", source.name());
            finished.countDown();
            return;
        }
        String failure = components.failure();
        try (Connection pg = postgres.connect()) {
            SourceRepository sources = new SourceRepository(pg, config.catalogueSchema());
            if (failure == null) {
                sources.setStatus(source.name(), SourceStatus.STOPPED, "stopped on request");
            } else if (sources.require(source.name()).status() != SourceStatus.ERROR) {
                BinlogPosition at = components.capture().position();
                String detail = failure + (at == null ? "" : " (read position " + at + ")");
                sources.setStatus(source.name(), SourceStatus.ERROR, detail);
                new ReplayErrorRepository(pg, config.catalogueSchema()).recordProcessFailure(sources
                        .require(source.name()).id(), at, failureSqlState == null ? "XX000" : failureSqlState,
                        "replica stopped: " + failure);
            }

            new LivenessPulse(postgres, config.catalogueSchema(), 0, PULSE, null).clear(pg, source.name());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("cannot record the end of the replica source=%s: %s", source.name(), e.getMessage());
        } finally {
            finished.countDown();
        }
        if (failure != null) {
            notifier.replicaStopped(source.name(), failure);
            throw new ReplicaFailedException("replica of source " + source.name() + " stopped: " + failure,
                    failureExit);
        }
        LOG.infof("replica stopped source=%s", source.name());
    }

    private void runReader(int sourceId, BooleanSupplier stop) throws Exception {
        components.readerRunning(true);
        try {
            new BinlogReader(config, source, postgres, mysql, components.capture()).run(sourceId, fence, stop);
        } finally {
            components.readerRunning(false);
        }
    }

    private void runReplay(int sourceId, BooleanSupplier stop) {
        components.replayRunning(true);
        ReplaySettings settings = new ReplaySettings(source.replayMaxRows(), source.onErrorReplay(),
                Duration.ofSeconds(Math.max(1, source.sleepLoopSeconds())), source.batchRetention());
        try (ReplayWorker worker = new ReplayWorker(postgres, config.catalogueSchema(), sourceId, settings)
                .fencedBy(fence)) {
            worker.countingInto(components.replay()).onTableDisabled(failure -> notifier.tableDisabled(source.name(),
                    failure.destinationSchema() + "." + failure.tableName(), failure.sqlState(), failure.message()))
                    .run(stop);
        } finally {
            components.replayRunning(false);
        }
    }

    /**
     * Runs one part, retrying passing failures (connections, server restarts) with backoff, counted and shown while
     * they last. Anything else would fail again at the same place: it stops the replica with status error, its
     * position and message recorded, instead of an endless retry that looks healthy.
     */
    private Thread part(String name, Work work, BooleanSupplier stop) {
        Thread thread = new Thread(() -> {
            int attempt = 0;
            while (!stop.getAsBoolean()) {
                long started = System.nanoTime();
                try {
                    work.run();
                    return;
                } catch (Exception | Error e) {
                    FencedOutException fenced = fencedOut(e);
                    if (fenced != null) {
                        fenceLost(name + ": " + fenced.getMessage());
                        return;
                    }
                    if (e instanceof PurgedBinlogException purged && wantsResync()) {
                        resyncWanted = purged;
                        return;
                    }
                    if (!(e instanceof ConnectionException) && (e instanceof ChameleonException
                            || !PassingFailures.isPassing(e))) {
                        stopOnLastingFailure(name, e);
                        return;
                    }
                    PartRestarts.Restarting restarting = components.restarted(name, String.valueOf(e.getMessage()));
                    LOG.warnf("event=part_restart part=%s source=%s restarts=%d position=%s", name, source.name(),
                            restarting.restarts(), restarting.position());
                    attempt = backOff(name, ranLongerThanBackoff(started) ? 1 : attempt + 1, e, stop);
                }
            }
        }, name + "-" + source.name());
        thread.start();
        return thread;
    }

    /** auto_resync_purged_binlog is on and has not copied the source yet in this process: loops are not retried. */
    private boolean wantsResync() {
        return source.autoResyncPurgedBinlog() && resyncUsed.compareAndSet(false, true);
    }

    private void stopOnLastingFailure(String part, Throwable e) {
        if (e instanceof ChameleonException) {
            LOG.errorf("%s failed source=%s: %s", part, source.name(), e.getMessage());
        } else {
            // not a condition the code expects: a bug or a library failing; the stack is what finds it
            LOG.errorf(e, "%s failed with an unexpected error source=%s", part, source.name());
        }
        String message = e instanceof ChameleonException ? e.getMessage()
                : e.getClass().getName() + ": " + e.getMessage();
        if (e instanceof PurgedBinlogException && source.autoResyncPurgedBinlog()) {
            message += " (auto_resync_purged_binlog already copied the source once since this replica started)";
        }
        components.failed(part + ": " + message);
        failureSqlState = sqlState(e);
        // a bug is not a connection problem: an unexpected failure exits as internal, the others with their family
        failureExit = e instanceof ChameleonException known ? known.exitStatus() : ExitStatus.INTERNAL;
    }

    private static FencedOutException fencedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FencedOutException fenced) {
                return fenced;
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "XX000";
    }

    private int backOff(String part, int attempt, Throwable cause, BooleanSupplier stop) {
        Duration wait = Backoff.after(attempt);
        LOG.warnf("%s interrupted source=%s attempt=%d retry_in=%dms: %s", part, source.name(), attempt,
                wait.toMillis(), cause.getMessage());
        Backoff.sleep(wait, stop);
        return attempt;
    }

    /** A part that worked for a while before failing starts its backoff over: this is a new failure. */
    private static boolean ranLongerThanBackoff(long startedNanos) {
        return System.nanoTime() - startedNanos > Backoff.MAX.toNanos();
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
