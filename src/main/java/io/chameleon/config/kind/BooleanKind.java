package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A yes/no switch. pg_chameleon's files use YAML 1.1 words ({@code Yes}, {@code No}) which a YAML 1.2 reader
 * sees as text, so the words are matched here, quoted or not.
 */
public final class BooleanKind implements ValueKind<Boolean> {

    private static final String FIX = "use true or false (yes and no are accepted too)";

    @Override
    public Boolean parse(JsonNode node, ValueSite site) throws InvalidValueException {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = ScalarText.of(node, site, FIX).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on", "y" -> true;
            case "false", "no", "off", "n" -> false;
            default -> throw site.invalid(node, "is not a boolean; " + FIX);
        };
    }

    @Override
    public String summary() {
        return "boolean (true/false, yes/no)";
    }
}
