package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/**
 * DATETIME (timestamp) and TIMESTAMP (timestamptz). TIMESTAMP values are read in a session with
 * {@code time_zone = '+00:00'}, so they are UTC and get an explicit {@code +00} offset; DATETIME has no zone.
 *
 * @param utcInstant TIMESTAMP rather than DATETIME
 */
public record DateTimeCodec(String column, boolean utcInstant) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        CalendarDate.requireNoZeroPart(column, raw, text);
        return utcInstant ? text + UTC_OFFSET : text;
    }

    /** A TIMESTAMP's text is its bytes followed by this offset when {@link #rawIsTextWithOffset} says so. */
    public static final String UTC_OFFSET = "+00";

    /** A TIMESTAMP without zero parts: its text is the bytes and {@link #UTC_OFFSET}, for writers of bytes. */
    public boolean rawIsTextWithOffset(byte[] raw) {
        return utcInstant && CalendarDate.isPlainDate(raw);
    }

    /** A DATETIME's text is its bytes; a TIMESTAMP's gets its offset appended, so it is never its bytes. */
    @Override
    public boolean rawIsText(byte[] raw) {
        return !utcInstant && CalendarDate.isPlainDate(raw);
    }
}
