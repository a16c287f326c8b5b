package io.chameleon.replay;

import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.catalogue.ReplayChannel;
import io.chameleon.catalogue.FencedOutException;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.catalogue.changelog.ReplayProgress;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.StateException;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Replays one source's committed log batches into the target tables, in batch order, crash-safely: each
 * {@link #replayOnce()} is one PostgreSQL transaction holding the applied rows, the progress marker and the
 * batches' replayed mark, so a crash at any point leaves either all of them or none.
 */
public final class ReplayWorker implements AutoCloseable {

    /** Opens a connection to the target database. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Something run on the replay connection just before it commits (tests use it to break the connection). */
    @FunctionalInterface
    interface CommitHook {
        void beforeCommit(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(ReplayWorker.class);
    /**
     * Sort and CTE memory of the replay session: a chunk of replay_max_rows (default 10,000) images must sort and
     * stay in memory; at the server default (4MB) the net-effect CTE spills to temporary files.
     */
    private static final String WORK_MEM = "64MB";
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(1);
    /** Longest a wait for work goes without looking at the stop request. */
    private static final Duration STOP_CHECK = Duration.ofMillis(200);

    private final Connections connections;
    private final String catalogue;
    private final int sourceId;
    private final ReplaySettings settings;
    private final ChangeLogPartitions partitions;
    private Connection connection;
    private Connection listening;
    /** The last {@link #replayOnce} took every batch its snapshot held for replay. */
    private boolean caughtUp;
    private CommitHook commitHook = c -> { };
    private ReplayStatistics statistics = new ReplayStatistics();
    private SourceFence fence = SourceFence.none();
    private final SequenceFollower sequences = new SequenceFollower();
    private final RowLayoutCache layouts = new RowLayoutCache();
    private Consumer<ReplayFailure> tableDisabled = failure -> { };

    public ReplayWorker(PostgresConnector connector, String catalogueSchema, int sourceId, ReplaySettings settings) {
        this(connector::connect, catalogueSchema, sourceId, settings);
    }

    public ReplayWorker(Connections connections, String catalogueSchema, int sourceId, ReplaySettings settings) {
        this.connections = connections;
        this.catalogue = catalogueSchema;
        this.sourceId = sourceId;
        this.settings = settings;
        this.partitions = new ChangeLogPartitions(catalogueSchema);
    }

    /** Counts what this worker applies into {@code target} (the replica's, read by the metrics endpoint). */
    public ReplayWorker countingInto(ReplayStatistics target) {
        this.statistics = target;
        return this;
    }

    /**
     * Replays the next committed batches (whole batches, up to replay_max_rows rows, at least one) in one
     * transaction. Under on_error_replay: exit, a change that cannot be applied rolls everything back, records the
     * error, sets the source to error and throws {@link ReplayException}.
     */
    public ReplayResult replayOnce() {
        Connection c = connection();
        try {
            ReplayProgress progress = new ReplayProgress(c, catalogue);
            progress.lock(sourceId);
            ReplayProgress.Next next = progress.next(sourceId, settings.maxRowsPerTransaction());
            List<Long> batches = next.batches();
            caughtUp = next.all();
            if (batches.isEmpty()) {
                c.commit();
                return ReplayResult.IDLE;
            }
            ChunkApplier applier = new ChunkApplier(c, catalogue, sourceId, settings.onErrorReplay(), sequences, layouts);
            ReplayResult applied = applier.apply(batches);
            ReplayResult result = new ReplayResult(batches.size(), applied.rows(), applied.ddl(), applied.skipped());
            long transactions = progress.record(sourceId, batches, result.rows(), result.ddl());
            fence.check(c);
            commitHook.beforeCommit(c);
            c.commit();
            applier.disabledTables().forEach(tableDisabled);
            statistics.applied(result);
            statistics.transactions(transactions);
            LOG.debugf("event=replay_chunk source=%d first_batch=%d last_batch=%d rows=%d ddl=%d skipped=%d",
                    sourceId, batches.get(0), batches.get(batches.size() - 1), result.rows(), result.ddl(),
                    result.skipped());
            return result;
        } catch (ChunkApplier.ReplayStopped stopped) {
            rollbackQuietly(c);
            markStopped(c, stopped.failure());
            throw new ReplayException(stopped.failure(), stopped.getCause());
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure("replay", e);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            discard();
            throw e;
        }
    }

    /**
     * Replays until {@code stopRequested} says so, checked between transactions. When caught up, waits up to
     * sleep_loop for a notification on {@link ReplayChannel}; drops consumed partitions and old batches every minute.
     */
    public void run(BooleanSupplier stopRequested) {
        long nextHousekeeping = System.nanoTime();
        while (!stopRequested.getAsBoolean()) {
            listen();
            drainNotifications();
            ReplayResult result = replayOnce();
            if (System.nanoTime() - nextHousekeeping >= 0) {
                housekeep();
                nextHousekeeping = System.nanoTime() + HOUSEKEEPING_INTERVAL.toNanos();
            }
            if (result.idle() || caughtUp) {
                // caught up with what this chunk's snapshot held: every batch committed since has notified this
                // session (its LISTEN), so the wait returns at once for it; a look at log_batch now would be a
                // transaction of three round trips after every chunk, mostly finding nothing
                awaitWork(stopRequested);
            }
        }
    }

    /** Deletes batches replayed longer ago than batch_retention, then drops fully replayed change-log partitions. */
    public Housekeeping housekeep() {
        Connection c = connection();
        try {
            ReplayProgress progress = new ReplayProgress(c, catalogue);
            int deleted = progress.deleteReplayedBefore(sourceId, settings.batchRetention());
            Optional<Long> last = progress.lastBatchId(sourceId);
            fence.check(c);
            c.commit();
            List<String> dropped = last.isPresent() ? partitions.dropConsumed(c, last.get()) : List.of();
            if (deleted > 0 || !dropped.isEmpty()) {
                LOG.infof("event=replay_housekeeping source=%d deleted_batches=%d dropped_partitions=%s",
                        sourceId, deleted, dropped);
            }
            return new Housekeeping(dropped, deleted);
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure("housekeeping", e);
        }
    }

    @Override
    public void close() {
        discard();
    }

    /** Checks the fencing epoch in every replaying transaction: a process no longer active stops applying. */
    public ReplayWorker fencedBy(SourceFence fence) {
        this.fence = fence;
        return this;
    }

    /** Told of each table a replay error switched off (on_error_replay: continue), after the commit saying so. */
    public ReplayWorker onTableDisabled(Consumer<ReplayFailure> listener) {
        this.tableDisabled = listener;
        return this;
    }

    void onBeforeCommit(CommitHook hook) {
        this.commitHook = hook;
    }

    /**
     * Records the stop in its own transaction, fenced like every other write: a process that is no longer the
     * active one must not put the source in error under its successor; it gets {@link FencedOutException} instead.
     */
    private void markStopped(Connection c, ReplayFailure failure) {
        LOG.errorf("event=replay_stopped source=%d table=%s.%s binlog=%s:%s batch=%s sqlstate=%s message=\"%s\"",
                sourceId, failure.destinationSchema(), failure.tableName(), failure.binlogFile(),
                failure.binlogPosition(), failure.batchId(), failure.sqlState(), failure.message());
        try {
            fence.check(c);
            new ReplayErrorLog(catalogue).write(c, failure);
            new SourceRepository(c, catalogue).setStatus(sourceName(c), SourceStatus.ERROR);
            c.commit();
        } catch (FencedOutException fencedOut) {
            rollbackQuietly(c);
            throw fencedOut;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            LOG.errorf("event=replay_status_not_recorded source=%d reason=\"%s\"", sourceId, e.getMessage());
            discard();
        }
    }

    private String sourceName(Connection c) throws SQLException {
        return new SourceRepository(c, catalogue).name(sourceId).orElseThrow(() -> new StateException(
                "source id " + sourceId + " is not registered in catalogue " + catalogue));
    }

    private void listen() {
        Connection c = connection();
        if (listening == c) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + PgIdentifiers.quote(ReplayChannel.name(sourceId)));
            c.commit();
            listening = c;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure("listen for new batches", e);
        }
    }

    private void drainNotifications() {
        try {
            connection().unwrap(PGConnection.class).getNotifications();
        } catch (SQLException e) {
            throw failure("read notifications", e);
        }
    }

    /** Waits until a notification arrives, sleep_loop passes or a stop is requested. */
    private void awaitWork(BooleanSupplier stopRequested) {
        long deadline = System.nanoTime() + settings.idleWait().toNanos();
        try {
            Connection c = connection();
            // PgJDBC hands out notifications only between transactions: inside one, getNotifications returns at once
            // and this wait would spin a core until sleep_loop ends, deaf to new batches. Whatever is still open
            // here was a read (replayOnce and housekeep commit their writes).
            c.rollback();
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!stopRequested.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                int waitMillis = (int) Math.max(1, Math.min(STOP_CHECK.toMillis(), remaining / 1_000_000));
                PGNotification[] notifications = pg.getNotifications(waitMillis);
                if (notifications != null && notifications.length > 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure("wait for new batches", e);
        }
    }

    private Connection connection() {
        if (connection == null) {
            try {
                Connection c = connections.open();
                try (Statement st = c.createStatement()) {
                    st.execute("SET work_mem = " + PgIdentifiers.literal(WORK_MEM));
                }
                c.setAutoCommit(false);
                connection = c;
            } catch (SQLException e) {
                throw new ConnectionException("replay of source " + sourceId + " cannot connect: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private RuntimeException failure(String what, SQLException e) {
        boolean broken = isBroken(e);
        if (broken) {
            discard();
            return new ConnectionException(what + " of source " + sourceId + " lost its connection: "
                    + e.getMessage() + "; a restarted worker resumes after the last committed batch", e);
        }
        return new StateException(what + " of source " + sourceId + " failed in catalogue " + catalogue + ": "
                + e.getMessage(), e);
    }

    private boolean isBroken(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return connection == null || connection.isClosed() || !connection.isValid(2);
        } catch (SQLException ignored) {
            return true;
        }
    }

    private void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debugf("event=replay_rollback_failed source=%d reason=\"%s\"", sourceId, e.getMessage());
        }
    }

    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being thrown away
            }
            connection = null;
            listening = null;
        }
    }
}
