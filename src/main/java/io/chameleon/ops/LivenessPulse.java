package io.chameleon.ops;

import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Stamps the source row with this process (host, pid) and the time every few seconds. show_status compares the
 * stamp with the clock, so a process that died without a word (kill -9, host lost) is not shown as running.
 */
final class LivenessPulse {

    private static final Logger LOG = Logger.getLogger(LivenessPulse.class);
    static final String REPLICATING = "replicating";

    private final PostgresConnector postgres;
    private final String schema;
    private final int sourceId;
    private final Duration period;
    private final ReplicaComponents components;
    private final SourceFence fence;
    private Thread thread;
    private volatile boolean running;
    private String shownDetail = REPLICATING;

    /** @param components receives the replay lag read at each beat, for the readiness check (may be null) */
    LivenessPulse(PostgresConnector postgres, String catalogueSchema, int sourceId, Duration period,
                  ReplicaComponents components) {
        this(postgres, catalogueSchema, sourceId, period, components, SourceFence.none());
    }

    /** @param fence a stamp is written only while the source's epoch is still the fence's */
    LivenessPulse(PostgresConnector postgres, String catalogueSchema, int sourceId, Duration period,
                  ReplicaComponents components, SourceFence fence) {
        this.fence = fence;
        this.postgres = postgres;
        this.schema = catalogueSchema;
        this.sourceId = sourceId;
        this.period = period;
        this.components = components;
    }

    void start() {
        running = true;
        thread = new Thread(this::beat, "liveness-pulse");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Removes the stamp when the process ends normally. */
    void clear(Connection pg, String sourceName) throws SQLException {
        new SourceRepository(pg, schema).clearProcessStamp(sourceName);
    }

    private void beat() {
        Connection pg = null;
        while (running) {
            try {
                if (pg == null || pg.isClosed()) {
                    pg = postgres.connect();
                }
                new SourceRepository(pg, schema).stampProcess(sourceId, ThisProcess.host(), ThisProcess.pid(),
                        fence.fences() ? fence.epoch() : null);
                if (components != null) {
                    showRestarts(pg);
                    new SourceRepository(pg, schema).overview().stream().filter(o -> o.id() == sourceId).findFirst()
                            .map(SourceOverview::replayLag)
                            .ifPresent(lag -> components.replayLagSeconds(lag.toMillis() / 1000.0));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("liveness pulse failed: %s", e.getMessage());
                closeQuietly(pg);
                pg = null;
            }
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        closeQuietly(pg);
    }

    /**
     * Puts a part's restarts into the status detail while they last (show_status prints it), and the plain
     * "replicating" back once it got going again.
     */
    private void showRestarts(Connection pg) throws SQLException {
        String detail = components.restarting().map(PartRestarts.Restarting::describe).orElse(REPLICATING);
        if (detail.equals(shownDetail)) {
            return;
        }
        new SourceRepository(pg, schema).setRunningDetail(sourceId, detail);
        shownDetail = detail;
    }

    private static void closeQuietly(Connection pg) {
        if (pg != null) {
            try {
                pg.close();
            } catch (SQLException ignored) {
                // reconnects on the next beat
            }
        }
    }
}
