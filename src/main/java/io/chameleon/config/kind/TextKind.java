package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;

/** Free text, kept exactly as written (passwords may have meaningful spaces). An empty YAML value means "". */
public final class TextKind implements ValueKind<String> {

    @Override
    public String parse(JsonNode node, ValueSite site) throws InvalidValueException {
        return ScalarText.of(node, site, "write it as text");
    }

    @Override
    public String whenNull() {
        return "";
    }

    @Override
    public String summary() {
        return "text";
    }
}
