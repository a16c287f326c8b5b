package io.chameleon.schema;

/** Checks the {@code YYYY-MM-DD} part MySQL prints for DATE, DATETIME and TIMESTAMP values. */
final class CalendarDate {

    private CalendarDate() {
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
