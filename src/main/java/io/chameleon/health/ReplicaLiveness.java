package io.chameleon.health;

import io.chameleon.ops.ReplicaComponents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the reader and the replay worker both run and nothing failed for good, or while the process copies the
 * source again after a purged binlog (a restart would only start that copy over), and while it waits as the standby
 * of another process.
 */
@Liveness
@ApplicationScoped
public class ReplicaLiveness implements HealthCheck {

    @Inject
    ReplicaRegistry registry;

    public ReplicaLiveness() {
    }

    /** Outside CDI: the check of the replica this registry holds. */
    public ReplicaLiveness(ReplicaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("replica");
        return registry.current().map(replica -> describe(response, replica))
                .orElseGet(() -> response.down().withData("reason", "no replica started").build());
    }

    private static HealthCheckResponse describe(HealthCheckResponseBuilder response, ReplicaComponents replica) {
        response.withData("source", replica.source())
                .withData("reader", replica.readerRunning())
                .withData("replay", replica.replayRunning());
        replica.restarting().ifPresent(r -> response.withData("restarting", r.describe()));
        if (replica.standby()) {
            return response.up().withData("role", "standby").withData("since", replica.roleSince().toString())
                    .build();
        }
        if (replica.failure() != null) {
            return response.down().withData("failure", replica.failure()).build();
        }
        if (replica.resyncing()) {
            return response.up().withData("resync", "copying the source again after a purged binlog").build();
        }
        return response.status(replica.readerRunning() && replica.replayRunning()).build();
    }
}
