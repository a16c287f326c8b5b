package io.chameleon.capture.binlog;

/**
 * Renders a binlog DECIMAL (MySQL's packed form: groups of nine decimal digits in four big-endian bytes, the
 * leading and trailing partial groups in fewer, the sign in the top bit, negative values inverted) as the text
 * the copy reads for it, {@code -123.4500}: what {@code BigDecimal.toPlainString()} of the library's value gave,
 * without building a BigDecimal on the reader's hot path.
 */
final class DecimalText {

    private static final int DIGITS_PER_GROUP = 9;
    /** Bytes that hold a group of 0..9 digits. */
    private static final int[] GROUP_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};

    private DecimalText() {
    }

    /** The packed length of a DECIMAL(precision, scale). */
    static int length(int precision, int scale) {
        int integer = precision - scale;
        return integer / DIGITS_PER_GROUP * 4 + GROUP_BYTES[integer % DIGITS_PER_GROUP]
                + scale / DIGITS_PER_GROUP * 4 + GROUP_BYTES[scale % DIGITS_PER_GROUP];
    }

    static byte[] text(int precision, int scale, byte[] packed) {
        int integerDigits = precision - scale;
        int mask = (packed[0] & 0x80) != 0 ? 0 : 0xFF; // positive values have the top bit set
        // every digit first, zero-padded, after room for a sign and a "0"; leading zeros are cut below
        byte[] digits = new byte[2 + integerDigits + (scale > 0 ? 1 + scale : 0)];
        int at = 2;
        int offset = 0;
        int lead = integerDigits % DIGITS_PER_GROUP;
        if (lead > 0) {
            at = group(packed, offset, GROUP_BYTES[lead], mask, digits, at, lead);
            offset += GROUP_BYTES[lead];
        }
        for (int i = 0; i < integerDigits / DIGITS_PER_GROUP; i++, offset += 4) {
            at = group(packed, offset, 4, mask, digits, at, DIGITS_PER_GROUP);
        }
        int pointAt = at;
        if (scale > 0) {
            digits[at++] = '.';
            for (int i = 0; i < scale / DIGITS_PER_GROUP; i++, offset += 4) {
                at = group(packed, offset, 4, mask, digits, at, DIGITS_PER_GROUP);
            }
            int tail = scale % DIGITS_PER_GROUP;
            if (tail > 0) {
                group(packed, offset, GROUP_BYTES[tail], mask, digits, at, tail);
            }
        }
        int first = 2;
        while (first < pointAt - 1 && digits[first] == '0') {
            first++;
        }
        if (first == pointAt) { // DECIMAL(n, n): no integer digit at all, the text has its "0"
            first--;
            digits[first] = '0';
        }
        boolean negative = mask != 0 && !allZero(digits, first);
        if (negative) {
            digits[--first] = '-';
        }
        if (first == 0) {
            return digits;
        }
        byte[] text = new byte[digits.length - first];
        System.arraycopy(digits, first, text, 0, text.length);
        return text;
    }

    /** Writes the group of {@code count} digits held in {@code bytes} bytes at {@code offset}; returns the end. */
    private static int group(byte[] packed, int offset, int bytes, int mask, byte[] digits, int at, int count) {
        int value = 0;
        for (int i = offset; i < offset + bytes; i++) {
            int b = i == 0 ? packed[i] ^ 0x80 : packed[i];
            value = (value << 8) | ((b ^ mask) & 0xFF);
        }
        for (int i = at + count - 1; i >= at; i--) {
            digits[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }

    private static boolean allZero(byte[] digits, int from) {
        for (int i = from; i < digits.length; i++) {
            if (digits[i] != '0' && digits[i] != '.') {
                return false;
            }
        }
        return true;
    }
}
