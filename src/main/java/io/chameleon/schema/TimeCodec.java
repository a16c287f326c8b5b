package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/**
 * TIME: MySQL's range is -838:59:59..838:59:59 with fractions (a duration, or a time of day). The default target,
 * PostgreSQL's interval, holds every such value, and MySQL's text of it is valid interval input as it is. A
 * column overridden to PostgreSQL's time ({@code type_override}, pg_chameleon's mapping) holds only a time of
 * day, 00:00:00..24:00:00: values outside are bad values rather than wrapped or clipped.
 *
 * @param timeOfDay the target column is PostgreSQL's time rather than interval (or text)
 */
public record TimeCodec(String column, boolean timeOfDay) implements ValueCodec {

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
        if (!timeOfDay) {
            return text;
        }
        boolean negative = text.startsWith("-");
        int hours = Integer.parseInt(text.substring(negative ? 1 : 0, firstColon));
        boolean pastMidnight = hours > 24 || (hours == 24 && text.substring(firstColon).chars().anyMatch(
                c -> c >= '1' && c <= '9'));
        boolean beforeMidnight = negative && text.chars().anyMatch(c -> c >= '1' && c <= '9');
        if (pastMidnight || beforeMidnight) {
            throw new BadValueException(BadValueReason.TIME_OUT_OF_RANGE, column, raw,
                    "a time outside 00:00:00..24:00:00, which the PostgreSQL type time cannot hold"
                            + " (the default mapping to interval can)");
        }
        return negative ? text.substring(1) : text; // -00:00:00 is midnight
    }

    /** MySQL's text of a TIME is interval input as it is; a time of day may need its range checked. */
    @Override
    public boolean rawIsText(byte[] raw) {
        return !timeOfDay && raw.length >= 8 && raw[raw.length - 1] >= '0' && raw[raw.length - 1] <= '9';
    }
}
