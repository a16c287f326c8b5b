package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** A whole number within an inclusive range; quoted numbers are accepted since YAML users often quote them. */
public final class IntegerKind implements ValueKind<Long> {

    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,18}");

    private final long min;
    private final long max;
    private final String noun;

    public IntegerKind(long min, long max) {
        this(min, max, "an integer");
    }

    IntegerKind(long min, long max, String noun) {
        this.min = min;
        this.max = max;
        this.noun = noun;
    }

    @Override
    public Long parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String fix = "use an integer from " + min + " to " + max;
        String text = ScalarText.of(node, site, fix).trim();
        if (!DIGITS.matcher(text).matches()) {
            throw site.invalid(node, "is not " + noun + "; " + fix);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw site.invalid(node, "is out of range; " + fix);
        }
        return value;
    }

    @Override
    public String summary() {
        return "integer " + min + ".." + max;
    }
}
