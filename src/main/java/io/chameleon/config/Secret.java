package io.chameleon.config;

import java.util.Objects;

/** A password or token. Printing it, by mistake or in a record's toString, shows a mask, never the value. */
public record Secret(String value) {

    public static final String MASK = "********";

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /** The real value, for the one place that needs it (a driver's connection properties). */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
