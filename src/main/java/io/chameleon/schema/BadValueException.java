package io.chameleon.schema;

/**
 * A source value that cannot be written as-is to PostgreSQL. The copy (and the stream) handles it by the
 * {@link io.chameleon.config.BadValuePolicy}; the message names the column and shows the value in printable form.
 */
public final class BadValueException extends Exception {

    private static final int SHOWN_BYTES = 64;

    private final BadValueReason reason;
    private final String column;

    public BadValueException(BadValueReason reason, String column, byte[] value, String detail) {
        super("column " + column + ": " + detail + " (" + reason + "): " + printable(value));
        this.reason = reason;
        this.column = column;
    }

    public BadValueReason reason() {
        return reason;
    }

    public String column() {
        return column;
    }

    /** Printable ASCII as is, everything else as {@code \xNN}, cut after {@value #SHOWN_BYTES} bytes. */
    static String printable(byte[] value) {
        StringBuilder text = new StringBuilder("'");
        int shown = Math.min(value.length, SHOWN_BYTES);
        for (int i = 0; i < shown; i++) {
            int b = value[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        text.append('\'');
        if (value.length > shown) {
            text.append("... (").append(value.length).append(" bytes)");
        }
        return text.toString();
    }
}
