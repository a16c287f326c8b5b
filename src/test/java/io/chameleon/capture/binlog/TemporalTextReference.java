package io.chameleon.capture.binlog;

import java.nio.charset.StandardCharsets;

/**
 * The previous, String-based implementation of TemporalText, kept as the reference its tests compare against.
 * Renders binlog-packed temporal values in MySQL's own text form ({@code 2024-02-29 13:05:00.120000},
 * {@code -838:59:59}, {@code 0000-00-00}), exactly what the copy reads over the text protocol. The column codecs
 * then convert both paths the same way; zero dates and TIME values beyond 24 hours stay visible to them instead
 * of being turned into epoch numbers as the binlog library would.
 */
final class TemporalTextReference {

    private TemporalTextReference() {
    }

    /** DATE: 3 bytes little-endian, day 5 bits, month 4 bits, year the rest. */
    static byte[] date(int packed) {
        int day = packed & 31;
        int month = (packed >>> 5) & 15;
        int year = packed >>> 9;
        return ascii(pad(year, 4) + '-' + pad(month, 2) + '-' + pad(day, 2));
    }

    /** DATETIME2: 5 bytes big-endian (sign, year*13+month, day, hour, minute, second) then the fraction. */
    static byte[] datetime2(long packed, int fractionMicros, int precision) {
        long value = packed - 0x8000000000L;
        int yearMonth = (int) ((value >>> 22) & 0x1FFFF);
        int day = (int) ((value >>> 17) & 31);
        int hour = (int) ((value >>> 12) & 31);
        int minute = (int) ((value >>> 6) & 63);
        int second = (int) (value & 63);
        return ascii(pad(yearMonth / 13, 4) + '-' + pad(yearMonth % 13, 2) + '-' + pad(day, 2) + ' '
                + pad(hour, 2) + ':' + pad(minute, 2) + ':' + pad(second, 2) + fraction(fractionMicros, precision));
    }

    /** Old DATETIME: 8 bytes, decimal digits YYYYMMDDhhmmss. */
    static byte[] datetime(long digits) {
        long date = digits / 1_000_000;
        long time = digits % 1_000_000;
        return ascii(pad((int) (date / 10000), 4) + '-' + pad((int) (date / 100 % 100), 2) + '-'
                + pad((int) (date % 100), 2) + ' ' + pad((int) (time / 10000), 2) + ':'
                + pad((int) (time / 100 % 100), 2) + ':' + pad((int) (time % 100), 2));
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
        int hour = (int) ((magnitude >>> 12) & 0x3FF);
        int minute = (int) ((magnitude >>> 6) & 63);
        int second = (int) (magnitude & 63);
        int micros = (int) (fraction * microsPerUnit(fractionBytes));
        return ascii((negative ? "-" : "") + pad(hour, 2) + ':' + pad(minute, 2) + ':' + pad(second, 2)
                + fraction(micros, precision));
    }

    /** Old TIME: 3 bytes, signed decimal digits hhmmss. */
    static byte[] time(int digits) {
        boolean negative = digits < 0;
        int value = Math.abs(digits);
        return ascii((negative ? "-" : "") + pad(value / 10000, 2) + ':' + pad(value / 100 % 100, 2) + ':'
                + pad(value % 100, 2));
    }

    /** TIMESTAMP(2): seconds since the epoch in UTC (0 is MySQL's zero timestamp) and the fraction. */
    static byte[] timestamp(long epochSeconds, int fractionMicros, int precision) {
        if (epochSeconds == 0 && fractionMicros == 0) {
            return ascii("0000-00-00 00:00:00" + fraction(0, precision));
        }
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(epochSeconds, 0, java.time.ZoneOffset.UTC);
        return ascii(pad(utc.getYear(), 4) + '-' + pad(utc.getMonthValue(), 2) + '-' + pad(utc.getDayOfMonth(), 2)
                + ' ' + pad(utc.getHour(), 2) + ':' + pad(utc.getMinute(), 2) + ':' + pad(utc.getSecond(), 2)
                + fraction(fractionMicros, precision));
    }

    /** YEAR: one byte, 0 is the zero year, else 1900 + value. */
    static byte[] year(int stored) {
        return ascii(stored == 0 ? "0000" : Integer.toString(1900 + stored));
    }

    private static long microsPerUnit(int fractionBytes) {
        return switch (fractionBytes) {
            case 1 -> 10_000;
            case 2 -> 100;
            default -> 1;
        };
    }

    private static String fraction(int micros, int precision) {
        if (precision <= 0) {
            return "";
        }
        String six = pad(micros, 6);
        return "." + six.substring(0, precision);
    }

    private static String pad(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
