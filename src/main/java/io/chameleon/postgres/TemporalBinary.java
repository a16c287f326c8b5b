package io.chameleon.postgres;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates and times from the text the codecs produce ({@code 2024-02-29 13:45:00.123456}, {@code 24:00:00}), as
 * ASCII bytes, to PostgreSQL's binary forms: days and microseconds counted from 2000-01-01, its epoch.
 */
final class TemporalBinary {

    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long EPOCH_2000_MILLIS = EPOCH_DAY_2000 * 86_400_000L;

    private TemporalBinary() {
    }

    /** {@code YYYY-MM-DD}. */
    static int days(byte[] text) {
        if (text.length != 10) {
            throw invalid("a date", text, 0, text.length);
        }
        return (int) (date(text).toEpochDay() - EPOCH_DAY_2000);
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, with an optional {@code +00} (a UTC instant) after it. */
    static long timestampMicros(byte[] text) {
        int end = text.length;
        if (end > 3 && text[end - 3] == '+' && text[end - 2] == '0' && text[end - 1] == '0') {
            end -= 3;
        }
        if (end < 19 || text[10] != ' ') {
            throw invalid("a timestamp", text, 0, text.length);
        }
        long days = date(text).toEpochDay() - EPOCH_DAY_2000;
        return days * MICROS_PER_DAY + timeMicros(text, 11, end);
    }

    /** An instant given in milliseconds since 1970-01-01 UTC, as microseconds since 2000-01-01 UTC. */
    static long instantMicros(long epochMillis) {
        return (epochMillis - EPOCH_2000_MILLIS) * 1000;
    }

    /** {@code HH:MM:SS[.ffffff]}, hours from 0 to 24. */
    static long timeMicros(byte[] text) {
        return timeMicros(text, 0, text.length);
    }

    /** MySQL's TIME text, {@code [-]H..H:MM:SS[.ffffff]} with up to 838 hours, as signed microseconds. */
    static long durationMicros(byte[] text) {
        boolean negative = text.length > 0 && text[0] == '-';
        long micros = timeMicros(text, negative ? 1 : 0, text.length, 838);
        return negative ? -micros : micros;
    }

    private static LocalDate date(byte[] text) {
        if (text[4] != '-' || text[7] != '-') {
            throw invalid("a date", text, 0, 10);
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw invalid("a date", text, 0, 10);
        }
    }

    private static long timeMicros(byte[] text, int from, int end) {
        return timeMicros(text, from, end, 24);
    }

    /** {@code H..H:MM:SS[.ffffff]} up to {@code maxHours} (only exactly, without minutes or seconds, for 24). */
    private static long timeMicros(byte[] text, int from, int end, int maxHours) {
        int colon = from;
        while (colon < end && text[colon] != ':') {
            colon++;
        }
        if (colon == from || colon + 6 > end || text[colon + 3] != ':') {
            throw invalid("a time", text, from, end);
        }
        long hours = digits(text, from, colon);
        int minutes = digits(text, colon + 1, colon + 3);
        int seconds = digits(text, colon + 4, colon + 6);
        int fraction = 0;
        int next = colon + 6;
        if (next < end) {
            int fractionDigits = end - next - 1;
            if (text[next] != '.' || fractionDigits < 1 || fractionDigits > 6) {
                throw invalid("a time", text, from, end);
            }
            fraction = digits(text, next + 1, end);
            for (int i = fractionDigits; i < 6; i++) {
                fraction *= 10;
            }
        }
        if (minutes > 59 || seconds > 59 || hours > maxHours
                || maxHours == 24 && hours == 24 && (minutes | seconds | fraction) != 0) {
            throw invalid("a time", text, from, end);
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + fraction;
    }

    private static int digits(byte[] text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || value > 100_000_000) {
                throw invalid("a number", text, from, to);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static IllegalArgumentException invalid(String what, byte[] text, int from, int to) {
        return new IllegalArgumentException("not " + what + ": "
                + new String(text, from, Math.min(to, text.length) - from, StandardCharsets.UTF_8));
    }
}
