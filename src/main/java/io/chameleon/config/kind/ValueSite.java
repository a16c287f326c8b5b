package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where a value sits in the file, and whether it is secret. Secret values are never quoted back in a message:
 * they are shown as "the value" instead.
 */
public record ValueSite(String path, boolean secret) {

    public ValueSite child(String key) {
        return new ValueSite(path + "." + key, secret);
    }

    public ValueSite item(int index) {
        return new ValueSite(path + "[" + index + "]", secret);
    }

    /** The value as it may appear in a message. */
    public String shown(JsonNode node) {
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        return secret ? "the value" : "\"" + node.asText() + "\"";
    }

    /** A problem whose message starts with the shown value, e.g. {@code "300X" is not a size; ...}. */
    public InvalidValueException invalid(JsonNode node, String whatIsWrongAndFix) {
        return problem(shown(node) + " " + whatIsWrongAndFix);
    }

    public InvalidValueException problem(String message) {
        return new InvalidValueException(List.of(new ValueProblem(path, message)));
    }
}
