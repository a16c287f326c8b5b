package io.chameleon.capture.binlog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders binlog-packed temporal values in MySQL's own text form ({@code 2024-02-29 13:05:00.120000},
 * {@code -838:59:59}, {@code 0000-00-00}), exactly what the copy reads over the text protocol. The column codecs
 * then convert both paths the same way; zero dates and TIME values beyond 24 hours stay visible to them instead
 * of being turned into epoch numbers as the binlog library would. On the reader's hot path: the digits go straight
 * into the result's bytes, without Strings in between.
 */
final class TemporalText {

    private TemporalText() {
    }

    /** DATE: 3 bytes little-endian, day 5 bits, month 4 bits, year the rest. */
    static byte[] date(int packed) {
        int year = packed >>> 9;
        byte[] text = new byte[dateLength(year)];
        date(text, 0, year, (packed >>> 5) & 15, packed & 31);
        return text;
    }

    /** DATETIME2: 5 bytes big-endian (sign, year*13+month, day, hour, minute, second) then the fraction. */
    static byte[] datetime2(long packed, int fractionMicros, int precision) {
        long value = packed - 0x8000000000L;
        int yearMonth = (int) ((value >>> 22) & 0x1FFFF);
        int year = yearMonth / 13;
        int at = dateLength(year);
        byte[] text = new byte[at + 9 + fractionLength(precision)];
        date(text, 0, year, yearMonth % 13, (int) ((value >>> 17) & 31));
        text[at] = ' ';
        time(text, at + 1, (int) ((value >>> 12) & 31), (int) ((value >>> 6) & 63), (int) (value & 63));
        fraction(text, at + 9, fractionMicros, precision);
        return text;
    }

    /** Old DATETIME: 8 bytes, decimal digits YYYYMMDDhhmmss. */
    static byte[] datetime(long digits) {
        long date = digits / 1_000_000;
        long time = digits % 1_000_000;
        int year = (int) (date / 10000);
        int at = dateLength(year);
        byte[] text = new byte[at + 9];
        date(text, 0, year, (int) (date / 100 % 100), (int) (date % 100));
        text[at] = ' ';
        time(text, at + 1, (int) (time / 10000), (int) (time / 100 % 100), (int) (time % 100));
        return text;
    }

    /** TIME2: 3 bytes big-endian offset by 0x800000 (negative below), hour 10 bits, minute, second. */
    static byte[] time2(long packed, int fractionBytes, long fractionPacked, int precision) {
        // MySQL stores negative times as the two's complement of the whole (int part, fraction) pair
        long intPart = packed - 0x800000L;
        long fraction = fractionPacked;
        boolean negative = intPart < 0;
        if (negative && fractionBytes > 0 && fraction != 0) {
            intPart++;
            fraction = (1L << (8 * fractionBytes)) - fraction;
        }
        long magnitude = Math.abs(intPart);
        int micros = (int) (fraction * microsPerUnit(fractionBytes));
        return signedTime(negative, (int) ((magnitude >>> 12) & 0x3FF), (int) ((magnitude >>> 6) & 63),
                (int) (magnitude & 63), micros, precision);
    }

    /** Old TIME: 3 bytes, signed decimal digits hhmmss. */
    static byte[] time(int digits) {
        int value = Math.abs(digits);
        return signedTime(digits < 0, value / 10000, value / 100 % 100, value % 100, 0, 0);
    }

    /** TIMESTAMP(2): seconds since the epoch in UTC (0 is MySQL's zero timestamp) and the fraction. */
    static byte[] timestamp(long epochSeconds, int fractionMicros, int precision) {
        byte[] text = new byte[19 + fractionLength(precision)];
        if (epochSeconds == 0 && fractionMicros == 0) {
            date(text, 0, 0, 0, 0);
            text[10] = ' ';
            time(text, 11, 0, 0, 0);
        } else {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
            date(text, 0, utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
            text[10] = ' ';
            time(text, 11, utc.getHour(), utc.getMinute(), utc.getSecond());
        }
        fraction(text, 19, fractionMicros, precision);
        return text;
    }

    /** YEAR: one byte, 0 is the zero year, else 1900 + value. */
    static byte[] year(int stored) {
        byte[] text = new byte[4];
        digits(text, 0, stored == 0 ? 0 : 1900 + stored, 4);
        return text;
    }

    /** [-]hh:mm:ss[.fraction]; hours take more than two digits beyond 99 (TIME reaches 838). */
    private static byte[] signedTime(boolean negative, int hour, int minute, int second, int micros, int precision) {
        int sign = negative ? 1 : 0;
        int hourDigits = Math.max(2, width(hour));
        byte[] text = new byte[sign + hourDigits + 6 + fractionLength(precision)];
        if (negative) {
            text[0] = '-';
        }
        digits(text, sign, hour, hourDigits);
        int at = sign + hourDigits;
        text[at] = ':';
        digits(text, at + 1, minute, 2);
        text[at + 3] = ':';
        digits(text, at + 4, second, 2);
        fraction(text, at + 6, micros, precision);
        return text;
    }

    /** yyyy-mm-dd: ten characters, more only for a year beyond 9999 (a DATE's 15 bits of year allow one). */
    private static int dateLength(int year) {
        return Math.max(4, width(year)) + 6;
    }

    /** yyyy-mm-dd at {@code at}, sized by {@link #dateLength}. */
    private static void date(byte[] text, int at, int year, int month, int day) {
        int yearDigits = Math.max(4, width(year));
        digits(text, at, year, yearDigits);
        int end = at + yearDigits;
        text[end] = '-';
        digits(text, end + 1, month, 2);
        text[end + 3] = '-';
        digits(text, end + 4, day, 2);
    }

    private static void time(byte[] text, int at, int hour, int minute, int second) {
        digits(text, at, hour, 2);
        text[at + 2] = ':';
        digits(text, at + 3, minute, 2);
        text[at + 5] = ':';
        digits(text, at + 6, second, 2);
    }

    private static int fractionLength(int precision) {
        return precision <= 0 ? 0 : 1 + Math.min(precision, 6);
    }

    /** The first {@code precision} of the six microsecond digits, after a dot; nothing for precision 0. */
    private static void fraction(byte[] text, int at, int micros, int precision) {
        if (precision <= 0) {
            return;
        }
        text[at] = '.';
        int digits = Math.min(precision, 6);
        if (micros >= 1_000_000) { // not a fraction MySQL writes: its leading digits, as the text form always gave
            byte[] lead = Integer.toString(micros).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(lead, 0, text, at + 1, digits);
            return;
        }
        int value = micros;
        for (int i = 6; i > digits; i--) {
            value /= 10;
        }
        digits(text, at + 1, value, digits);
    }

    /** {@code value} (not negative) as exactly {@code count} digits, zero padded, ending at {@code at + count}. */
    private static void digits(byte[] text, int at, int value, int count) {
        int rest = value;
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static int width(int value) {
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static long microsPerUnit(int fractionBytes) {
        return switch (fractionBytes) {
            case 1 -> 10_000;
            case 2 -> 100;
            default -> 1;
        };
    }
}
