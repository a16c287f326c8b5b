package io.chameleon.config;

import java.util.List;
import java.util.Map;

/**
 * Typed values of a validated file, by concrete key path. Absent optional keys read as their declared default.
 *
 * @param sourceNames the source names in file order
 */
record ValidatedValues(Map<String, Object> byPath, List<String> sourceNames) {

    ValidatedValues {
        byPath = Map.copyOf(byPath);
        sourceNames = List.copyOf(sourceNames);
    }

    <T> T get(ConfigKey<T> key) {
        return atPath(key, key.path());
    }

    <T> T get(ConfigKey<T> key, String sourceName) {
        return atPath(key, key.pathIn(sourceName));
    }

    @SuppressWarnings("unchecked") // values are stored by ConfigValidator as parsed by the key's own kind
    private <T> T atPath(ConfigKey<T> key, String concretePath) {
        Object value = byPath.get(concretePath);
        return value != null ? (T) value : key.typedDefault();
    }
}
