package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;

/** A TCP port; pg_chameleon's example writes ports quoted ("5432"), so text digits are accepted. */
public final class PortKind implements ValueKind<Integer> {

    private static final String FIX = "use an integer from 1 to 65535";

    @Override
    public Integer parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, FIX).trim();
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw site.invalid(node, "is not a port number; " + FIX);
        }
        return Integer.parseInt(text);
    }

    @Override
    public String summary() {
        return "port 1..65535";
    }
}
