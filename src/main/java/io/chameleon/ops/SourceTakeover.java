package io.chameleon.ops;

import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceLease;
import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.ConnectionException;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.notify.Notifier;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One of possibly several processes started for a source: it waits as a standby until it holds the source's lock
 * ({@link SourceLease}), then runs the replica with the fence of a new epoch from the committed positions, and
 * goes back to waiting when it loses the lock's session. Ends on a stop request or a lasting failure.
 */
final class SourceTakeover {

    private static final Logger LOG = Logger.getLogger(SourceTakeover.class);
    /** How often a standby asks for the lock, and the active process checks it still has it. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** A lease connection that does not answer within this is taken as lost. */
    private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a process that lost the lock lets the standbys ask first: its own connection was the one in
     * trouble, and a standby polls every second.
     */
    static final Duration YIELD_AFTER_LOSS = Duration.ofSeconds(3);

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final PostgresConnector postgres;
    private final ReplicaComponents components;
    private final PrintWriter out;
    private final Notifier notifier;
    private final String host = ThisProcess.host();
    private final long pid = ProcessHandle.current().pid();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile ReplicaProcess current;
    private long askNotBeforeNanos = System.nanoTime();

    SourceTakeover(ChameleonConfig config, SourceConfig source, PostgresConnector postgres,
                   ReplicaComponents components, PrintWriter out, Notifier notifier) {
        this.notifier = notifier;
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.components = components;
        this.out = out;
    }

    void requestStop() {
        stopRequested = true;
        ReplicaProcess process = current;
        if (process != null) {
            process.requestStop();
        }
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void run() {
        try {
            while (!stopRequested) {
                try (SourceLease lease = openLease()) {
                    SourceFence fence = awaitLock(lease);
                    if (fence == null) {
                        return;
                    }
                    if (!runActive(lease, fence)) {
                        return;
                    }
                    askNotBeforeNanos = System.nanoTime() + YIELD_AFTER_LOSS.toNanos();
                } catch (SQLException e) {
                    LOG.warnf("event=standby_retry source=%s reason=\"%s\"", source.name(), e.getMessage());
                    pause();
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private SourceLease openLease() throws SQLException {
        Connection connection = postgres.connect();
        connection.setNetworkTimeout(Runnable::run, (int) LEASE_TIMEOUT.toMillis());
        int sourceId = requireSource(connection).id();
        return new SourceLease(connection, config.catalogueSchema(), sourceId, host, pid);
    }

    private SourceRecord requireSource(Connection connection) {
        return new SourceRepository(connection, config.catalogueSchema()).require(source.name());
    }

    /** Waits as a standby until this process holds the lock and may replicate; null on a stop request. */
    private SourceFence awaitLock(SourceLease lease) throws SQLException {
        components.standby(true);
        out.println("Replica of source " + source.name() + " standing by (pid " + pid + ").");
        out.flush();
        String waitingFor = null;
        while (!stopRequested) {
            lease.report(SourceLease.Role.STANDBY);
            if (System.nanoTime() - askNotBeforeNanos >= 0 && lease.tryAcquire()) {
                String reason = whyNotActive(lease);
                if (reason == null) {
                    return lease.takeOver();
                }
                lease.release();
                if (!reason.equals(waitingFor)) {
                    LOG.warnf("event=standby_waits source=%s reason=\"%s\"", source.name(), reason);
                    waitingFor = reason;
                }
            }
            pause();
        }
        return null;
    }

    /**
     * With the lock held, what still keeps this process from replicating: a source not ready to replicate, or
     * (second line, for a process that does not take the lock, such as one of an earlier version) another live
     * process of this host stamped in the source's liveness row that does not report in replica_process.
     */
    private String whyNotActive(SourceLease lease) throws SQLException {
        try (Connection pg = postgres.connect()) {
            SourceRepository sources = new SourceRepository(pg, config.catalogueSchema());
            SourceRecord record = sources.require(source.name());
            if (record.status() == SourceStatus.ERROR || record.status() == SourceStatus.SYNCING
                    || record.status() == SourceStatus.INITIALISING) {
                return "source is " + record.status().label() + "; waiting for it to be startable";
            }
            Optional<SourceOverview> row = sources.overview().stream().filter(o -> o.id() == record.id()).findFirst();
            if (row.isPresent() && record.status() == SourceStatus.RUNNING && row.get().processPid() != null
                    && host.equals(row.get().processHost()) && row.get().processPid() != pid
                    && ProcessHandle.of(row.get().processPid()).map(ProcessHandle::isAlive).orElse(false)
                    && row.get().sinceAlive() != null
                    && row.get().sinceAlive().compareTo(SourceOverview.DEAD_AFTER) <= 0
                    && !takesTheLock(pg, row.get())) {
                return "process " + row.get().processPid() + " of this host still pulses as the replica of the"
                        + " source without holding its lock";
            }
            return null;
        }
    }

    /**
     * Whether the stamped process is one that arbitrates through the lock (it reports in replica_process): one cut
     * off from PostgreSQL has lost the lock and is fenced, and must not keep its successor waiting.
     */
    private boolean takesTheLock(Connection pg, SourceOverview row) throws SQLException {
        return SourceLease.processes(pg, config.catalogueSchema()).stream().anyMatch(p -> p.sourceId() == row.id()
                && p.host().equals(row.processHost()) && p.pid() == row.processPid());
    }

    /** Runs the replica while the lock is held; true when it lost the lock and should stand by again. */
    private boolean runActive(SourceLease lease, SourceFence fence) {
        ReplicaProcess process = new ReplicaProcess(config, source, postgres, new SourceConnector(source),
                components, fence).notifyingWith(notifier);
        current = process;
        if (stopRequested) {
            process.requestStop();
        }
        components.standby(false);
        LOG.infof("event=became_active source=%s host=%s pid=%d epoch=%d", source.name(), host, pid, fence.epoch());
        Thread watcher = new Thread(() -> watch(lease, process), "lease-" + source.name());
        watcher.setDaemon(true);
        watcher.start();
        out.println("Replica of source " + source.name() + " running (pid " + pid + ", epoch " + fence.epoch()
                + ").");
        out.flush();
        try {
            process.run();
        } catch (ConnectionException e) {
            // PostgreSQL went away between the takeover and the start: whoever gets the lock next starts over
            LOG.warnf("event=active_start_failed source=%s reason=\"%s\"", source.name(), e.getMessage());
            return !stopRequested;
        } finally {
            watcher.interrupt();
            current = null;
        }
        return process.fencedOut() && !stopRequested;
    }

    /** Checks every second that the lock's session is there; its loss stops the replica's writing. */
    private void watch(SourceLease lease, ReplicaProcess process) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                lease.report(SourceLease.Role.ACTIVE);
            } catch (SQLException e) {
                process.fenceLost("lost the connection holding the lock of the source: " + e.getMessage());
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }
}
