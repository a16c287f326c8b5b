package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/**
 * TIME: MySQL's range is -838:59:59..838:59:59 (a duration); PostgreSQL's time is a time of day,
 * 00:00:00..24:00:00. Values outside are bad values rather than wrapped or clipped.
 */
public record TimeCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        int firstColon = text.indexOf(':');
        if (firstColon < 1) {
            throw new BadValueException(BadValueReason.INVALID_BYTES, column, raw, "not a MySQL time");
        }
        boolean negative = text.startsWith("-");
        int hours = Integer.parseInt(text.substring(negative ? 1 : 0, firstColon));
        boolean pastMidnight = hours > 24 || (hours == 24 && text.substring(firstColon).chars().anyMatch(
                c -> c >= '1' && c <= '9'));
        boolean beforeMidnight = negative && text.chars().anyMatch(c -> c >= '1' && c <= '9');
        if (pastMidnight || beforeMidnight) {
            throw new BadValueException(BadValueReason.TIME_OUT_OF_RANGE, column, raw,
                    "a time outside 00:00:00..24:00:00");
        }
        return negative ? text.substring(1) : text; // -00:00:00 is midnight
    }
}
