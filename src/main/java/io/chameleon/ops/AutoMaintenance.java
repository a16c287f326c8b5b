package io.chameleon.ops;

import io.chameleon.catalogue.MaintenanceRepository;
import io.chameleon.config.SourceConfig;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * auto_maintenance: the running replica runs a maintenance pass (never VACUUM FULL) whenever the interval has
 * passed since the last one, recorded in the catalogue so a restart does not reset the clock. It runs on its own
 * thread and connection: the reader and the replay go on meanwhile, as a plain VACUUM locks nothing they need. A
 * failed pass is logged and retried at the next check; it never stops the replica.
 */
final class AutoMaintenance {

    private static final Logger LOG = Logger.getLogger(AutoMaintenance.class);
    /** Longest time between two checks of whether a pass is due. */
    private static final Duration MAX_CHECK = Duration.ofMinutes(1);

    private final PostgresConnector postgres;
    private final String catalogueSchema;
    private final SourceConfig source;
    private final int sourceId;
    private Thread thread;
    private volatile boolean running;

    AutoMaintenance(PostgresConnector postgres, String catalogueSchema, SourceConfig source, int sourceId) {
        this.postgres = postgres;
        this.catalogueSchema = catalogueSchema;
        this.source = source;
        this.sourceId = sourceId;
    }

    void start() {
        if (source.autoMaintenance().isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "auto-maintenance-" + source.name());
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(MAX_CHECK.toMillis());
        }
    }

    private void loop() {
        String interval = source.autoMaintenance().orElseThrow();
        Duration check = MAX_CHECK;
        while (running) {
            try (Connection c = postgres.connect()) {
                MaintenanceRepository maintenance = new MaintenanceRepository(c, catalogueSchema);
                Duration length = maintenance.length(interval);
                // check about as often as the interval, between once a second and once a minute
                check = Duration.ofMillis(Math.max(1000, Math.min(MAX_CHECK.toMillis(), length.toMillis())));
                if (maintenance.due(sourceId, interval)) {
                    CatalogueMaintenance.Report report = new CatalogueMaintenance(postgres, catalogueSchema, source)
                            .run(sourceId, false);
                    LOG.infof("event=auto_maintenance %s", report.logLine());
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("event=auto_maintenance_failed source=%s retry_in=%ds reason=\"%s\"", source.name(),
                        check.toSeconds(), e.getMessage());
            }
            try {
                Thread.sleep(check.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
