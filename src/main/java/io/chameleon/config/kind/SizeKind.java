package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory size: plain bytes, or a number followed by {@code k}, {@code M} or {@code G} (powers of 1024). The
 * suffixes are case-sensitive, as in pg_chameleon, which rejects anything else.
 */
public final class SizeKind implements ValueKind<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kMG]?)");
    private static final String FIX = "use a number with k, M or G";

    @Override
    public Long parse(JsonNode node, ValueSite site) throws InvalidValueException {
        Matcher matcher = SIZE.matcher(ScalarText.of(node, site, FIX).trim());
        if (!matcher.matches()) {
            throw site.invalid(node, "is not a size; " + FIX);
        }
        long number = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "k" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(number, unit);
        } catch (ArithmeticException tooLarge) {
            throw site.invalid(node, "is too large; " + FIX);
        }
    }

    @Override
    public String summary() {
        return "size: bytes, or number with k/M/G";
    }
}
