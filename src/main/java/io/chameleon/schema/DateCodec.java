package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/** DATE: {@code YYYY-MM-DD}, valid PostgreSQL input unless a part is zero. */
public record DateCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        CalendarDate.requireNoZeroPart(column, raw, text);
        return text;
    }

    @Override
    public boolean rawIsText(byte[] raw) {
        return CalendarDate.isPlainDate(raw);
    }
}
