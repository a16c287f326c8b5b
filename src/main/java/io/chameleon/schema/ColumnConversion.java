package io.chameleon.schema;

import io.chameleon.postgres.PgIdentifiers;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How existing values follow a column through a schema change: type conversions and MySQL's implicit values. */
final class ColumnConversion {

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");
    private static final Set<String> TEXTS = Set.of("char", "varchar", "text");

    private ColumnConversion() {
    }

    /**
     * The USING expression converting {@code column} (quoted) from {@code before}'s type to {@code targetType}.
     * Within a family (numbers, strings, one type with another length or precision) PostgreSQL's own cast is
     * exact and lets it skip the rewrite where it can; across families the value goes through its text, which is
     * what MySQL converts too ({@code '42'} to 42, an enum label to a string), except where PostgreSQL's text of a
     * value is not MySQL's: bytes, bits and SET arrays.
     */
    static String using(String column, PgColumn before, PgColumn after, String targetType) {
        if (before.enumType() == null && after.enumType() == null) {
            String from = base(before.type());
            String to = base(after.type());
            if (from.equals(to) || NUMBERS.contains(from) && NUMBERS.contains(to)
                    || TEXTS.contains(from) && TEXTS.contains(to)) {
                return column + "::" + targetType;
            }
            if (from.equals("bytea") && TEXTS.contains(to)) {
                return "convert_from(" + column + ", 'UTF8')::" + targetType;
            }
            if (TEXTS.contains(from) && to.equals("bytea")) {
                return "convert_to(" + column + "::text, 'UTF8')";
            }
            if (from.equals("bit") && INTEGERS.contains(to) || INTEGERS.contains(from) && to.equals("bit")) {
                return column + "::bigint::" + targetType;
            }
            if (from.equals("text[]")) {
                return "array_to_string(" + column + ", ',')::" + targetType;
            }
            if (to.equals("text[]")) {
                return "string_to_array(" + column + "::text, ',')";
            }
        }
        return column + "::text::" + targetType;
    }

    /**
     * What MySQL puts in existing rows when a NOT NULL column without default is added, or a column holding
     * NULLs becomes NOT NULL outside strict mode (strict mode refuses, so such DDL never reaches the binlog): the
     * type's zero value, as SQL. Empty where PostgreSQL has no such value ({@code 0000-00-00}) or it is not known
     * here (JSON, spatial): the NOT NULL then fails on a table holding rows rather than invent values.
     */
    static Optional<String> implicitValue(PgColumn column) {
        ValueCodec codec = column.codec();
        if (codec instanceof ExactNumberCodec || codec instanceof UnsignedBigintCodec || codec instanceof FloatCodec
                || codec instanceof YearCodec) {
            return Optional.of("'0'");
        }
        if (codec instanceof BitCodec bits) {
            return Optional.of(PgIdentifiers.literal(bits.fromUnsigned(BigInteger.ZERO)));
        }
        if (codec instanceof TextCodec || codec instanceof BytesCodec) {
            return Optional.of("''"); // BINARY(n) pads with n zero bytes, which a bytea cannot tell
        }
        if (codec instanceof EnumCodec enumCodec && !enumCodec.labels().isEmpty()) {
            return Optional.of(PgIdentifiers.literal(enumCodec.labels().get(0)));
        }
        if (codec instanceof SetCodec) {
            return Optional.of("'{}'");
        }
        if (codec instanceof TimeCodec) {
            return Optional.of("'00:00:00'");
        }
        return Optional.empty();
    }

    /** {@code varchar(20)} -> {@code varchar}; arrays keep their brackets. */
    private static String base(String type) {
        String lower = type.toLowerCase(Locale.ROOT).strip();
        int paren = lower.indexOf('(');
        return paren < 0 ? lower : lower.substring(0, paren).strip() + (lower.endsWith("[]") ? "[]" : "");
    }
}
