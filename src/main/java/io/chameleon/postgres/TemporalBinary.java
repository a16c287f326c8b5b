package io.chameleon.postgres;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates and times from the text the codecs produce ({@code 2024-02-29 13:45:00.123456}, {@code 24:00:00}) to
 * PostgreSQL's binary forms: days and microseconds counted from 2000-01-01, its epoch.
 */
final class TemporalBinary {

    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private TemporalBinary() {
    }

    /** {@code YYYY-MM-DD}. */
    static int days(String text) {
        if (text.length() != 10) {
            throw new IllegalArgumentException("not a date: " + text);
        }
        return (int) (date(text).toEpochDay() - EPOCH_DAY_2000);
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, with an optional {@code +00} (a UTC instant) after it. */
    static long timestampMicros(String text) {
        int end = text.endsWith("+00") ? text.length() - 3 : text.length();
        if (end < 19 || text.charAt(10) != ' ') {
            throw new IllegalArgumentException("not a timestamp: " + text);
        }
        long days = date(text).toEpochDay() - EPOCH_DAY_2000;
        return days * MICROS_PER_DAY + timeMicros(text, 11, end);
    }

    /** {@code HH:MM:SS[.ffffff]}, hours from 0 to 24. */
    static long timeMicros(String text) {
        return timeMicros(text, 0, text.length());
    }

    private static LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new IllegalArgumentException("not a date: " + text);
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + text.substring(0, 10), e);
        }
    }

    private static long timeMicros(String text, int from, int end) {
        int colon = text.indexOf(':', from);
        if (colon < 0 || colon + 6 > end || text.charAt(colon + 3) != ':') {
            throw new IllegalArgumentException("not a time: " + text.substring(from, end));
        }
        long hours = digits(text, from, colon);
        int minutes = digits(text, colon + 1, colon + 3);
        int seconds = digits(text, colon + 4, colon + 6);
        int fraction = 0;
        int next = colon + 6;
        if (next < end) {
            int fractionDigits = end - next - 1;
            if (text.charAt(next) != '.' || fractionDigits < 1 || fractionDigits > 6) {
                throw new IllegalArgumentException("not a time: " + text.substring(from, end));
            }
            fraction = digits(text, next + 1, end);
            for (int i = fractionDigits; i < 6; i++) {
                fraction *= 10;
            }
        }
        if (minutes > 59 || seconds > 59 || hours > 24 || hours == 24 && (minutes | seconds | fraction) != 0) {
            throw new IllegalArgumentException("not a time: " + text.substring(from, end));
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + fraction;
    }

    private static int digits(String text, int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("missing digits in " + text);
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit in " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
