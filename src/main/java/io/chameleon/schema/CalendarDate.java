package io.chameleon.schema;

/** Checks the {@code YYYY-MM-DD} part MySQL prints for DATE, DATETIME and TIMESTAMP values. */
final class CalendarDate {

    private CalendarDate() {
    }

    /** Whether the bytes are a {@code YYYY-MM-DD...} date with no zero part: the text as it is, valid input. */
    static boolean isPlainDate(byte[] raw) {
        return raw.length >= 10 && raw[4] == '-' && raw[7] == '-'
                && !(raw[0] == '0' && raw[1] == '0' && raw[2] == '0' && raw[3] == '0')
                && !(raw[5] == '0' && raw[6] == '0') && !(raw[8] == '0' && raw[9] == '0');
    }

    /** MySQL accepts zero parts ({@code 0000-00-00}, {@code 2020-00-10}); PostgreSQL has no such dates. */
    static void requireNoZeroPart(String column, byte[] raw, String text) throws BadValueException {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new BadValueException(BadValueReason.INVALID_BYTES, column, raw, "not a MySQL date");
        }
        if (text.startsWith("0000") || text.startsWith("00", 5) || text.startsWith("00", 8)) {
            throw new BadValueException(BadValueReason.ZERO_DATE, column, raw, "a zero date");
        }
    }
}
