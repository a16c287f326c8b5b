package io.chameleon.capture;

import io.chameleon.mysql.SourceCharset;
import io.chameleon.mysql.SourceColumn;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * Converts a value decoded from a rows event into the bytes the copy would have read for it over the text
 * protocol, so that the column's codec treats both paths alike. Integers get their unsigned reading back (the
 * binlog stores bits, the column type says how to read them), enum and set values their labels.
 */
final class BinlogValueText {

    private BinlogValueText() {
    }

    static byte[] of(Serializable value, SourceColumn column) {
        // Java 17: no pattern switch over types yet
        if (value == null) {
            return null;
        } else if (value instanceof byte[] bytes) {
            return bytes;
        } else if (value instanceof Integer number) {
            return integer(number, column);
        } else if (value instanceof Long number) {
            return longValue(number, column);
        } else if (value instanceof BigDecimal decimal) {
            return ascii(decimal.toPlainString());
        } else if (value instanceof Float real) {
            return ascii(Float.toString(real));
        } else if (value instanceof Double real) {
            return ascii(Double.toString(real));
        } else if (value instanceof BitSet bits) {
            return bits(bits, column);
        }
        throw new IllegalArgumentException("column " + column.name() + ": unexpected binlog value of "
                + value.getClass().getSimpleName());
    }

    private static byte[] integer(int number, SourceColumn column) {
        return switch (column.dataType()) {
            case "enum" -> label(number, column);
            case "tinyint" -> ascii(column.unsigned() ? Integer.toString(number & 0xFF) : Integer.toString(number));
            case "smallint" -> ascii(column.unsigned() ? Integer.toString(number & 0xFFFF) : Integer.toString(number));
            case "mediumint" -> ascii(column.unsigned() ? Integer.toString(number & 0xFFFFFF) : Integer.toString(number));
            case "int", "integer" -> ascii(column.unsigned() ? Long.toString(number & 0xFFFFFFFFL) : Integer.toString(number));
            default -> ascii(Integer.toString(number));
        };
    }

    private static byte[] longValue(long number, SourceColumn column) {
        if (column.dataType().equals("set")) {
            return labels(number, column);
        }
        return ascii(column.unsigned() ? Long.toUnsignedString(number) : Long.toString(number));
    }

    /** ENUM: 1-based index into the labels; 0 is MySQL's empty "invalid" value. */
    private static byte[] label(int index, SourceColumn column) {
        List<String> labels = column.enumLabels();
        String label = index <= 0 || index > labels.size() ? "" : labels.get(index - 1);
        return label.getBytes(charsetOf(column));
    }

    /** SET: bit i selects label i; the text form lists them in declaration order, comma separated. */
    private static byte[] labels(long mask, SourceColumn column) {
        List<String> labels = column.setLabels();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                text.append(text.length() == 0 ? "" : ",").append(labels.get(i));
            }
        }
        return text.toString().getBytes(charsetOf(column));
    }

    /** BIT(n): the text protocol sends the value as big-endian bytes, as many as n bits need. */
    private static byte[] bits(BitSet bits, SourceColumn column) {
        int width = column.numericPrecision() == null ? Math.max(1, bits.length()) : column.numericPrecision();
        byte[] bytes = new byte[(width + 7) / 8];
        BigInteger value = BigInteger.ZERO;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            value = value.setBit(i);
        }
        byte[] magnitude = value.toByteArray();
        int copy = Math.min(magnitude.length, bytes.length);
        System.arraycopy(magnitude, magnitude.length - copy, bytes, bytes.length - copy, copy);
        return bytes;
    }

    private static Charset charsetOf(SourceColumn column) {
        return column.charset() == null ? StandardCharsets.UTF_8 : SourceCharset.of(column.charset()).javaCharset();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
