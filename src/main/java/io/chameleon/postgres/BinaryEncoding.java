package io.chameleon.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How a column's PostgreSQL input text becomes its binary COPY form, for the types a copy writes in bulk. A type
 * not listed here (arrays, bit strings, geometry, uuid, inet, boolean...) has no binary encoding, and a table with
 * such a column is copied as text. The binary form must mean exactly what PostgreSQL would read from the text.
 */
public enum BinaryEncoding {

    INT2 {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int2Field((short) AsciiIntegers.parse(text, Short.MIN_VALUE, Short.MAX_VALUE));
        }
    },
    INT4 {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int4Field((int) AsciiIntegers.parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    },
    INT8 {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int8Field(AsciiIntegers.parse(text, Long.MIN_VALUE, Long.MAX_VALUE));
        }
    },
    NUMERIC {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            NumericBinary.write(text, out);
        }
    },
    FLOAT4 {
        @Override
        public void write(String text, CopyBinaryWriter out) throws SQLException {
            out.int4Field(Float.floatToIntBits(Float.parseFloat(text)));
        }
    },
    FLOAT8 {
        @Override
        public void write(String text, CopyBinaryWriter out) throws SQLException {
            out.int8Field(Double.doubleToLongBits(Double.parseDouble(text)));
        }
    },
    /** text, varchar, char and enum labels: UTF-8, the client encoding of every connection. */
    TEXT {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.field(text);
        }
    },
    JSONB {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.versionedField(1, text);
        }
    },
    /** From the hex input form {@code \x0a1b}. */
    BYTEA {
        @Override
        public void write(String text, CopyBinaryWriter out) throws SQLException {
            if (!text.startsWith("\\x")) {
                throw new IllegalArgumentException("not bytea hex text");
            }
            out.field(HexFormat.of().parseHex(text, 2, text.length()));
        }
    },
    DATE {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int4Field(TemporalBinary.days(text));
        }
    },
    TIME {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int8Field(TemporalBinary.timeMicros(text));
        }
    },
    /** A MySQL TIME as an interval: microseconds, then zero days and zero months (hours are never carried over). */
    INTERVAL {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.fieldLength(16);
            out.int64(TemporalBinary.durationMicros(text));
            out.int32(0);
            out.int32(0);
        }
    },
    /** timestamp and timestamptz alike: a UTC instant's text carries {@code +00}, which changes nothing. */
    TIMESTAMP {
        @Override
        public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
            out.int8Field(TemporalBinary.timestampMicros(text));
        }
    };

    /**
     * Writes one non-null value given as its input text.
     *
     * @throws IllegalArgumentException (NumberFormatException included) when the text is not a value of the type
     */
    public void write(String text, CopyBinaryWriter out) throws SQLException {
        write(text.getBytes(StandardCharsets.UTF_8), out);
    }

    /**
     * The same, the text given as UTF-8 bytes: what the copy holds for numbers and UTF-8 text, which it need not
     * turn into Strings.
     */
    public void write(byte[] text, CopyBinaryWriter out) throws SQLException {
        write(new String(text, StandardCharsets.UTF_8), out);
    }

    /** The encoding of a column type as DDL spells it ({@code numeric(20)}, {@code timestamptz(6)}), if any. */
    public static Optional<BinaryEncoding> forType(String sqlType) {
        String type = sqlType.toLowerCase(Locale.ROOT).replaceAll("\\s*\\([^)]*\\)", "").strip();
        return Optional.ofNullable(switch (type) {
            case "smallint", "int2" -> INT2;
            case "integer", "int", "int4" -> INT4;
            case "bigint", "int8" -> INT8;
            case "numeric", "decimal" -> NUMERIC;
            case "real", "float4" -> FLOAT4;
            case "double precision", "float8" -> FLOAT8;
            case "text", "varchar", "character varying", "char", "character", "bpchar" -> TEXT;
            case "jsonb" -> JSONB;
            case "bytea" -> BYTEA;
            case "date" -> DATE;
            case "time", "time without time zone" -> TIME;
            case "interval" -> INTERVAL;
            case "timestamp", "timestamp without time zone", "timestamptz", "timestamp with time zone" -> TIMESTAMP;
            default -> null;
        });
    }
}
