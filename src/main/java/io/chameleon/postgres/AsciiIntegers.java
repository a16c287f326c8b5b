package io.chameleon.postgres;

import java.nio.charset.StandardCharsets;

/** Integers from their ASCII text (as MySQL sends them), without a String in between. */
final class AsciiIntegers {

    private AsciiIntegers() {
    }

    /** @throws NumberFormatException naming the text, when it is not an integer in [min, max] */
    static long parse(byte[] text, long min, long max) {
        int n = text.length;
        boolean negative = n > 0 && text[0] == '-';
        int i = n > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (i == n) {
            throw outOfRange(text, min, max);
        }
        // accumulate negatively: Long.MIN_VALUE has no positive counterpart
        long limit = negative ? min : -max;
        long value = 0;
        for (; i < n; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || value < (limit + digit) / 10) {
                throw outOfRange(text, min, max);
            }
            value = value * 10 - digit;
        }
        return negative ? value : -value;
    }

    private static NumberFormatException outOfRange(byte[] text, long min, long max) {
        return new NumberFormatException("not an integer in " + min + ".." + max + ": "
                + new String(text, StandardCharsets.UTF_8));
    }
}
