package io.chameleon.metrics;

import io.chameleon.catalogue.ReplicaReading;
import io.chameleon.catalogue.ReplicaReadingRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.postgres.PostgresConnector;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalogue's view of one source for the gauges, read at scrape time but at most once per {@code maxAge}: every
 * gauge of a scrape, and every scrape of a storm, shares one reading, so scraping cannot load PostgreSQL. A
 * reading that fails leaves the gauges empty (NaN) until the next attempt, one {@code maxAge} later.
 */
public final class CatalogueReadings implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CatalogueReadings.class);

    private final PostgresConnector postgres;
    private final String catalogueSchema;
    private final String source;
    private final long maxAgeNanos;
    private Consumer<ReplicaReading> onRead = r -> { };
    private Connection connection;
    private Integer sourceId;
    private ReplicaReading latest;
    private long readAt;
    private boolean everRead;

    public CatalogueReadings(PostgresConnector postgres, String catalogueSchema, String source, Duration maxAge) {
        this.postgres = postgres;
        this.catalogueSchema = catalogueSchema;
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Told each new reading (the metrics register the gauges of tables seen for the first time). */
    void onRead(Consumer<ReplicaReading> listener) {
        this.onRead = listener;
    }

    /** The reading at most maxAge old, empty when the catalogue cannot be read. */
    public synchronized Optional<ReplicaReading> current() {
        long now = System.nanoTime();
        if (everRead && now - readAt < maxAgeNanos) {
            return Optional.ofNullable(latest);
        }
        everRead = true;
        readAt = now;
        try {
            if (connection == null || connection.isClosed()) {
                connection = postgres.connect();
                connection.setAutoCommit(true);
            }
            if (sourceId == null) {
                sourceId = new SourceRepository(connection, catalogueSchema).require(source).id();
            }
            latest = new ReplicaReadingRepository(connection, catalogueSchema).read(sourceId);
            onRead.accept(latest);
        } catch (SQLException | RuntimeException e) {
            if (latest != null) { // said once per outage
                LOG.warnf("event=metrics_catalogue_unreadable source=%s reason=\"%s\"", source, e.getMessage());
            }
            latest = null;
            close();
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // opened again at the next reading
            }
            connection = null;
        }
    }
}
