package io.chameleon.health;

import io.chameleon.ops.ReplicaComponents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The replica this process runs, for the health checks; empty in CLI commands. */
@ApplicationScoped
public class ReplicaRegistry {

    private volatile ReplicaComponents current;

    public void register(ReplicaComponents components) {
        current = components;
    }

    public Optional<ReplicaComponents> current() {
        return Optional.ofNullable(current);
    }
}
