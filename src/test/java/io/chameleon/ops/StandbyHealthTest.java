package io.chameleon.ops;

import io.chameleon.health.ReplicaLiveness;
import io.chameleon.health.ReplicaReadiness;
import io.chameleon.health.ReplicaRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A standby is live (restarting it would gain nothing) and not ready (it replicates nothing). */
class StandbyHealthTest {

    @Test
    void aStandbyIsLiveAndNotReadyAndAnActiveProcessIsNoLongerStandby() {
        ReplicaComponents components = new ReplicaComponents("shop", 300);
        ReplicaRegistry registry = new ReplicaRegistry();
        registry.register(components);
        components.standby(true);

        HealthCheckResponse live = new ReplicaLiveness(registry).call();
        HealthCheckResponse ready = new ReplicaReadiness(registry).call();

        assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(live.getData().orElseThrow()).containsEntry("role", "standby");
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow()).containsEntry("role", "standby").containsKey("since");

        components.standby(false);
        assertThat(new ReplicaLiveness(registry).call().getData().orElseThrow()).doesNotContainKey("role");
        assertThat(new ReplicaReadiness(registry).call().getData().orElseThrow()).doesNotContainKey("role");
    }
}
