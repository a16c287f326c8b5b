package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** A PostgreSQL identifier we create ourselves: kept lower-case and unquoted-safe so no quoting surprises arise. */
public final class IdentifierKind implements ValueKind<String> {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public String parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, "write a schema name").trim();
        if (!IDENTIFIER.matcher(text).matches()) {
            throw site.invalid(node, "is not a usable PostgreSQL name; use lower-case letters, digits and _,"
                    + " starting with a letter or _, at most 63 characters");
        }
        return text;
    }

    @Override
    public String summary() {
        return "PostgreSQL identifier";
    }
}
