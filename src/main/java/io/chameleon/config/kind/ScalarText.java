package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a YAML scalar as text; YAML may hand us numbers or booleans where a text value is meant. */
final class ScalarText {

    private ScalarText() {
    }

    static String of(JsonNode node, ValueSite site, String fix) throws InvalidValueException {
        if (node.isContainerNode()) {
            throw site.problem("is " + site.shown(node) + ", not a single value; " + fix);
        }
        return node.asText();
    }
}
