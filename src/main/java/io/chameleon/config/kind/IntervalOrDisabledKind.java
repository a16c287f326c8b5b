package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** A PostgreSQL interval, or the word {@code disabled} for "never" (empty). */
public final class IntervalOrDisabledKind implements ValueKind<Optional<String>> {

    private final IntervalKind interval = new IntervalKind();

    @Override
    public Optional<String> parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String fix = IntervalKind.FIX + ", or disabled";
        String text = ScalarText.of(node, site, fix).trim();
        if (text.toLowerCase(Locale.ROOT).equals("disabled")) {
            return Optional.empty();
        }
        try {
            return Optional.of(interval.parse(node, site));
        } catch (InvalidValueException notAnInterval) {
            throw site.invalid(node, "is not a PostgreSQL interval; " + fix);
        }
    }

    @Override
    public String summary() {
        return "PostgreSQL interval, or disabled";
    }
}
