package io.chameleon.metrics;

import io.chameleon.ops.ReplicaComponents;
import io.chameleon.postgres.PostgresConnector;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Puts the meters of the replica this process runs into the registry that {@code /q/metrics} renders. */
@ApplicationScoped
public class MetricsEndpoint {

    /** Longest a catalogue-derived gauge is stale; also the most often a scrape reads the catalogue. */
    static final Duration CATALOGUE_MAX_AGE = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;

    /** Held here: the registry references the meters' objects weakly. */
    private ReplicaMetrics bound;

    public void bind(ReplicaComponents replica, PostgresConnector postgres, String catalogueSchema) {
        bound = ReplicaMetrics.bind(registry, replica,
                new CatalogueReadings(postgres, catalogueSchema, replica.source(), CATALOGUE_MAX_AGE));
    }
}
