package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A PostgreSQL interval written as number/unit pairs ({@code '1 day'}, {@code '2 hours 30 minutes'}) or as a
 * clock time ({@code '01:30:00'}). The text is handed to PostgreSQL later, so we only check it is one of the forms
 * PostgreSQL reads, to fail at load time rather than in the middle of a replica.
 */
public final class IntervalKind implements ValueKind<String> {

    private static final String UNIT = "(microseconds?|us|milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m"
            + "|hours?|hrs?|h|days?|d|weeks?|w|months?|mons?|years?|yrs?|y|decades?|century|centuries"
            + "|millennium|millennia)";
    private static final Pattern PAIRS =
            Pattern.compile("(\\d+(\\.\\d+)?\\s*" + UNIT + ")(\\s+\\d+(\\.\\d+)?\\s*" + UNIT + ")*");
    private static final Pattern CLOCK = Pattern.compile("\\d+:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    static final String FIX = "use a number and a unit, e.g. '1 day' or '30 minutes'";

    @Override
    public String parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, FIX).trim().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        if (!PAIRS.matcher(lower).matches() && !CLOCK.matcher(lower).matches()) {
            throw site.invalid(node, "is not a PostgreSQL interval; " + FIX);
        }
        return text;
    }

    @Override
    public String summary() {
        return "PostgreSQL interval";
    }
}
