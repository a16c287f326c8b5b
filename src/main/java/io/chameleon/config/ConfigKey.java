package io.chameleon.config;

import com.fasterxml.jackson.databind.node.TextNode;
import io.chameleon.config.kind.InvalidValueException;
import io.chameleon.config.kind.ValueKind;
import io.chameleon.config.kind.ValueSite;

/**
 * One configuration key, declared once in {@link ConfigKeys}: validation, binding and the reference documentation
 * all read this declaration.
 *
 * @param path         dotted pattern; {@code *} stands for a source name, e.g. {@code sources.*.copy_max_memory}
 * @param defaultValue value used when the key is absent, as written in YAML; {@code null} when there is none
 * @param example      a typical value, quoted in the "is required" message; may be {@code null}
 * @param secret       values are never shown: masked in reports, left out of messages
 */
public record ConfigKey<T>(String path, ValueKind<T> kind, Requirement requirement, String defaultValue,
                           String example, String description, KeyOrigin origin, boolean secret) {

    /** Last path segment, e.g. {@code copy_max_memory}. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Pattern of the enclosing section, or "" for a top-level key. */
    public String parentPath() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    public boolean isSourceKey() {
        return path.startsWith("sources.*.");
    }

    /** The concrete path of this key in the named source (or the path itself for keys outside sources). */
    public String pathIn(String sourceName) {
        return path.replace("*", sourceName);
    }

    public boolean matches(String concretePath) {
        String[] pattern = path.split("\\.");
        String[] concrete = concretePath.split("\\.", -1);
        if (pattern.length != concrete.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(concrete[i])) {
                return false;
            }
        }
        return true;
    }

    /** The default as a value of this key's kind; the kind's empty value when no default is declared. */
    public T typedDefault() {
        if (defaultValue == null) {
            return kind.whenNull();
        }
        try {
            return kind.parse(TextNode.valueOf(defaultValue), new ValueSite(path, secret));
        } catch (InvalidValueException e) {
            throw new IllegalStateException("default of " + path + " is invalid: " + e.getMessage(), e);
        }
    }
}
