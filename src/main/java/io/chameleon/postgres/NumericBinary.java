package io.chameleon.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * PostgreSQL's binary form of numeric, from decimal text such as MySQL prints ({@code -123.4500}): base-10000
 * digits with the weight of the first one, a sign, and the display scale (digits after the point), which keeps
 * {@code 1.0000} distinct from {@code 1} as the text input would.
 */
final class NumericBinary {

    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;

    private NumericBinary() {
    }

    /** @param text ASCII decimal text */
    static void write(byte[] text, CopyBinaryWriter out) throws SQLException {
        int end = text.length;
        int start = 0;
        boolean negative = false;
        if (end > 0 && (text[0] == '-' || text[0] == '+')) {
            negative = text[0] == '-';
            start = 1;
        }
        int point = start;
        while (point < end && text[point] != '.') {
            point++;
        }
        point = point == end ? -1 : point;
        int intEnd = point < 0 ? end : point;
        int fracStart = point < 0 ? end : point + 1;
        if (intEnd == start && fracStart == end) {
            throw notDecimal(text);
        }
        requireDigits(text, start, intEnd);
        requireDigits(text, fracStart, end);
        while (start < intEnd && text[start] == '0') {
            start++;
        }
        int intDigits = intEnd - start;
        int fracDigits = end - fracStart;
        int intGroups = (intDigits + 3) / 4;
        int fracGroups = (fracDigits + 3) / 4;
        short[] groups = new short[intGroups + fracGroups];
        // integer part: groups aligned on the point, the first one possibly short
        for (int g = 0; g < intGroups; g++) {
            int groupEnd = intEnd - 4 * (intGroups - 1 - g);
            groups[g] = (short) parse(text, Math.max(start, groupEnd - 4), groupEnd, 0);
        }
        // fraction: groups aligned on the point, the last one padded with zeros on the right
        for (int g = 0; g < fracGroups; g++) {
            int groupStart = fracStart + 4 * g;
            int groupEnd = Math.min(end, groupStart + 4);
            groups[intGroups + g] = (short) parse(text, groupStart, groupEnd, 4 - (groupEnd - groupStart));
        }
        int first = 0;
        int last = groups.length;
        while (first < last && groups[first] == 0) {
            first++;
        }
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int count = last - first;
        int weight = count == 0 ? 0 : intGroups - 1 - first;
        out.fieldLength(8 + 2 * count);
        out.int16(count);
        out.int16(weight);
        out.int16(negative && count > 0 ? NEGATIVE : POSITIVE);
        out.int16(fracDigits);
        for (int g = first; g < last; g++) {
            out.int16(groups[g]);
        }
    }

    private static void requireDigits(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] < '0' || text[i] > '9') {
                throw notDecimal(text);
            }
        }
    }

    private static NumberFormatException notDecimal(byte[] text) {
        return new NumberFormatException("not a decimal number: " + new String(text, StandardCharsets.UTF_8));
    }

    /** The digits in [from, to) as a number, followed by {@code zeros} zero digits. */
    private static int parse(byte[] text, int from, int to, int zeros) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text[i] - '0');
        }
        for (int i = 0; i < zeros; i++) {
            value *= 10;
        }
        return value;
    }
}
