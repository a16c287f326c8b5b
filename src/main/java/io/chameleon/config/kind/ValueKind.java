package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one configuration value is read: what YAML shapes it accepts, what Java value it becomes and what a user is
 * told when it is wrong. Kinds are declared next to each key in the registry, so validation, binding and the
 * generated documentation all read the same definition.
 */
public interface ValueKind<T> {

    /** Converts a non-null YAML node, or throws with one problem per wrong part, each naming its fix. */
    T parse(JsonNode node, ValueSite site) throws InvalidValueException;

    /** The value an explicit YAML null stands for, or {@code null} when this kind has no empty form. */
    default T whenNull() {
        return null;
    }

    /** Whether an explicit YAML null leaves the key unset, as if it were not written (optional file paths). */
    default boolean nullMeansUnset() {
        return false;
    }

    /** Short description of the accepted values, for the reference documentation. */
    String summary();
}
