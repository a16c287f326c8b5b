package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL time setting such as {@code lock_timeout}: a number with {@code ms}, {@code s}, {@code min},
 * {@code h} or {@code d}. A bare number means milliseconds, as PostgreSQL reads it; the normalised text makes the
 * unit explicit ({@code 120} becomes {@code 120ms}, {@code "120 S"} becomes {@code 120s}).
 */
public final class DurationKind implements ValueKind<String> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h|d)?");
    private static final String FIX = "use a number with ms, s, min, h or d, e.g. \"120s\"";

    @Override
    public String parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, FIX).trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw site.invalid(node, "is not a duration; " + FIX);
        }
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return Long.parseLong(matcher.group(1)) + unit;
    }

    @Override
    public String summary() {
        return "duration: number with ms/s/min/h/d (bare number = ms)";
    }
}
