package io.chameleon.config;

import io.chameleon.config.kind.ValueKind;
import java.util.List;

/** Fluent declaration of one key in {@link ConfigKeys}; {@link #describe} completes and registers it. */
final class KeyBuilder<T> {

    private final List<ConfigKey<?>> registry;
    private final String path;
    private final ValueKind<T> kind;
    private final KeyOrigin origin;
    private Requirement requirement = Requirement.OPTIONAL;
    private String defaultValue;
    private String example;
    private boolean secret;

    KeyBuilder(List<ConfigKey<?>> registry, String path, ValueKind<T> kind, KeyOrigin origin) {
        this.registry = registry;
        this.path = path;
        this.kind = kind;
        this.origin = origin;
    }

    KeyBuilder<T> required(String example) {
        return requirement(Requirement.REQUIRED, example);
    }

    KeyBuilder<T> requirement(Requirement requirement, String example) {
        this.requirement = requirement;
        this.example = example;
        return this;
    }

    KeyBuilder<T> defaultValue(String defaultValue) {
        this.defaultValue = defaultValue;
        return this;
    }

    KeyBuilder<T> secret() {
        this.secret = true;
        return this;
    }

    ConfigKey<T> describe(String description) {
        ConfigKey<T> key = new ConfigKey<>(path, kind, requirement, defaultValue, example, description, origin, secret);
        registry.add(key);
        return key;
    }
}
