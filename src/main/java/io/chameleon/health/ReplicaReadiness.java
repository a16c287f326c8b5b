package io.chameleon.health;

import io.chameleon.ops.ReplicaComponents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this process is the active one of its source, the reader is connected to the source and the replay
 * lag is within ready_max_lag; a standby is not ready (a Service sends nothing to it, and it has nothing to serve).
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    @Inject
    ReplicaRegistry registry;

    public ReplicaReadiness() {
    }

    /** Outside CDI: the check of the replica this registry holds. */
    public ReplicaReadiness(ReplicaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("replica-lag");
        return registry.current().map(replica -> describe(response, replica))
                .orElseGet(() -> response.down().withData("reason", "no replica started").build());
    }

    private static HealthCheckResponse describe(HealthCheckResponseBuilder response, ReplicaComponents replica) {
        if (replica.standby()) {
            return response.down().withData("source", replica.source()).withData("role", "standby")
                    .withData("since", replica.roleSince().toString()).build();
        }
        boolean connected = replica.capture().connected();
        double lag = replica.replayLagSeconds();
        var restarting = replica.restarting();
        restarting.ifPresent(r -> response.withData("restarting", r.describe()));
        return response.withData("source", replica.source())
                .withData("reader_connected", connected)
                .withData("replay_lag_seconds", Math.round(lag))
                .withData("max_lag_seconds", replica.maxLagSeconds())
                .status(connected && lag <= replica.maxLagSeconds() && replica.failure() == null
                        && restarting.isEmpty())
                .build();
    }
}
