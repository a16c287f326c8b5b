package io.chameleon.copy;

import io.chameleon.catalogue.CopyRun;
import io.chameleon.catalogue.CopyRunRepository;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the catalogue's row of a running copy up to date (show_status reads it): started, progress every
 * {@link #PERIOD} on a connection of its own, then finished or failed. A progress write that fails is logged and
 * skipped: the copy does not depend on it.
 */
final class CopyRunRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CopyRunRecorder.class);
    static final Duration PERIOD = Duration.ofSeconds(2);

    private final Connection connection;
    private final CopyRunRepository runs;
    private final int sourceId;
    private final long pid = ProcessHandle.current().pid();
    private final Supplier<CopyRunRepository.Progress> progress;
    private final ScheduledExecutorService ticker;

    private CopyRunRecorder(Connection connection, String catalogue, int sourceId,
                            Supplier<CopyRunRepository.Progress> progress) {
        this.connection = connection;
        this.runs = new CopyRunRepository(connection, catalogue);
        this.sourceId = sourceId;
        this.progress = progress;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "copy-run-recorder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Records the copy as running in this process and starts the progress updates. */
    static CopyRunRecorder start(PostgresConnector postgres, String catalogue, int sourceId, String command,
                                 Supplier<CopyRunRepository.Progress> progress) throws SQLException {
        Connection connection = postgres.connect();
        try {
            connection.setAutoCommit(true);
            CopyRunRecorder recorder = new CopyRunRecorder(connection, catalogue, sourceId, progress);
            recorder.runs.started(sourceId, command, CopyRun.thisHost(), recorder.pid);
            recorder.ticker.scheduleWithFixedDelay(recorder::tick, PERIOD.toMillis(), PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
            return recorder;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    void finished(String message) {
        end(CopyRun.FINISHED, message);
    }

    void failed(String message) {
        end(CopyRun.FAILED, message);
    }

    private synchronized void tick() {
        try {
            runs.progress(sourceId, pid, progress.get());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("event=copy_progress_not_recorded source_id=%d reason=\"%s\"", sourceId, e.getMessage());
        }
    }

    private synchronized void end(String state, String message) {
        ticker.shutdownNow();
        try {
            runs.ended(sourceId, pid, state, progress.get(), message);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("event=copy_end_not_recorded source_id=%d state=%s reason=\"%s\"", sourceId, state,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to record
        }
    }
}
