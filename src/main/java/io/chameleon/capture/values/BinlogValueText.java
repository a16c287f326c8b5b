package io.chameleon.capture.values;

import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceCharset;
import io.chameleon.mysql.SourceColumn;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/**
 * Converts a value decoded from a rows event into the bytes the copy would have read for it over the text
 * protocol, so that the column's codec treats both paths alike. Integers get their unsigned reading back (the
 * binlog stores bits, the column type says how to read them), enum and set values their labels.
 */
public final class BinlogValueText {

    private BinlogValueText() {
    }

    /** What a rows event's value of a type needs before it reads as the text protocol's bytes. */
    private enum Reading {
        /** The decoded value's own text or bytes. */
        AS_DECODED,
        /** An Integer holding the type's bits: unsigned columns read them without sign. */
        UNSIGNED_8_BITS, UNSIGNED_16_BITS, UNSIGNED_24_BITS, UNSIGNED_32_BITS,
        /** An Integer: the 1-based label index. */
        ENUM_INDEX,
        /** A Long: the label bit mask. */
        SET_MASK,
        /** byte[] cut of its trailing zero bytes. */
        ZERO_PADDED, UUID_BYTES, INET6_BYTES, INET4_BYTES
    }

    /** One case per MySqlType and no default: a new constant does not compile until it is placed here. */
    private static Reading reading(MySqlType type) {
        return switch (type) {
            case TINYINT -> Reading.UNSIGNED_8_BITS;
            case SMALLINT -> Reading.UNSIGNED_16_BITS;
            case MEDIUMINT -> Reading.UNSIGNED_24_BITS;
            case INT -> Reading.UNSIGNED_32_BITS;
            case ENUM -> Reading.ENUM_INDEX;
            case SET -> Reading.SET_MASK;
            case BINARY -> Reading.ZERO_PADDED;
            case UUID -> Reading.UUID_BYTES;
            case INET6 -> Reading.INET6_BYTES;
            case INET4 -> Reading.INET4_BYTES;
            // BIGINT's Long reads unsigned by the column type whatever the type; BIT's BitSet by its width
            case BIGINT, DECIMAL, FLOAT, DOUBLE, BIT, DATE, DATETIME, TIMESTAMP, TIME, YEAR, CHAR, VARCHAR, VARBINARY,
                    TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, JSON, GEOMETRY, POINT,
                    LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION, UNKNOWN ->
                    Reading.AS_DECODED;
        };
    }

    public static byte[] of(Serializable value, SourceColumn column) {
        // Java 17: no pattern switch over types yet
        if (value == null) {
            return null;
        } else if (value instanceof byte[] bytes) {
            return fixedLengthBinary(bytes, column);
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

    /**
     * The binlog cuts the trailing zero bytes of fixed-length binary values (as it cuts the pad spaces of CHAR):
     * BINARY(n) gets them back, and MariaDB's UUID, INET6 and INET4, binary of 16 and 4 bytes there, get the text
     * the text protocol sends for them.
     */
    private static byte[] fixedLengthBinary(byte[] bytes, SourceColumn column) {
        return switch (reading(column.type())) {
            case ZERO_PADDED -> column.maxLength() == null ? bytes : padded(bytes, column.maxLength().intValue());
            case UUID_BYTES -> ascii(uuidText(padded(bytes, 16)));
            case INET6_BYTES -> ascii(inet6Text(padded(bytes, 16)));
            case INET4_BYTES -> ascii(inet4Text(padded(bytes, 4)));
            default -> bytes;
        };
    }

    private static byte[] padded(byte[] bytes, int length) {
        return bytes.length >= length ? bytes : Arrays.copyOf(bytes, length);
    }

    /** {@code 123e4567-e89b-12d3-a456-426614174000}: the bytes in order (the binlog holds them as they read). */
    private static String uuidText(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    /** Eight groups of hex, uncompressed: PostgreSQL's inet reads it as the same address MariaDB prints shorter. */
    private static String inet6Text(byte[] bytes) {
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
        }
        return text.toString();
    }

    private static String inet4Text(byte[] bytes) {
        return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
    }

    private static byte[] integer(int number, SourceColumn column) {
        return switch (reading(column.type())) {
            case ENUM_INDEX -> label(number, column);
            case UNSIGNED_8_BITS -> ascii(column.unsigned() ? Integer.toString(number & 0xFF) : Integer.toString(number));
            case UNSIGNED_16_BITS -> ascii(column.unsigned() ? Integer.toString(number & 0xFFFF) : Integer.toString(number));
            case UNSIGNED_24_BITS -> ascii(column.unsigned() ? Integer.toString(number & 0xFFFFFF) : Integer.toString(number));
            case UNSIGNED_32_BITS -> ascii(column.unsigned() ? Long.toString(number & 0xFFFFFFFFL) : Integer.toString(number));
            default -> ascii(Integer.toString(number));
        };
    }

    private static byte[] longValue(long number, SourceColumn column) {
        if (reading(column.type()) == Reading.SET_MASK) {
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
