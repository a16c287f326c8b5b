package io.chameleon.capture.values;

import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.DateTimeCodec;
import io.chameleon.schema.EnumCodec;
import io.chameleon.schema.ExactNumberCodec;
import io.chameleon.schema.FloatCodec;
import io.chameleon.schema.PgColumn;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A column's way from the binlog's value to its image text without the general path (value to the text protocol's
 * bytes, then through the codec), for the common values where both give the same text: chosen once per table
 * structure, not per value. A value the shortcut does not cover (out of range, not finite, a zero date, another
 * Java type) takes the general path, which decides and reports as before.
 */
final class ColumnShortcut {

    enum Kind {
        /** Nothing shorter than the general path. */
        NONE,
        /** A signed integer column's Integer or Long: its digits. */
        SIGNED_INTEGER,
        /** An ENUM's 1-based index: the label's UTF-8 bytes, worked out once. */
        ENUM_LABEL,
        /** A DOUBLE's or FLOAT's finite value: Java's shortest text, as the codec prints it. */
        FLOATING,
        /** bytea: the hex text written straight into the image. */
        HEX,
        /** A TIMESTAMP's text without zero parts: the bytes and the codec's UTC offset. */
        UTC_TIMESTAMP
    }

    private static final ColumnShortcut NONE = new ColumnShortcut(Kind.NONE, null);

    final Kind kind;
    /** ENUM_LABEL: the labels' UTF-8 bytes, index 0 for label 1. */
    final byte[][] labels;

    private ColumnShortcut(Kind kind, byte[][] labels) {
        this.kind = kind;
        this.labels = labels;
    }

    static ColumnShortcut of(SourceColumn source, PgColumn target) {
        MySqlType type = source.type();
        if (target.codec() instanceof ExactNumberCodec && !source.unsigned()
                && (type == MySqlType.TINYINT || type == MySqlType.SMALLINT || type == MySqlType.MEDIUMINT
                || type == MySqlType.INT || type == MySqlType.BIGINT)) {
            return new ColumnShortcut(Kind.SIGNED_INTEGER, null);
        }
        if (target.codec() instanceof EnumCodec codec && type == MySqlType.ENUM
                && codec.labels().equals(source.enumLabels())) {
            List<String> names = codec.labels();
            byte[][] labels = new byte[names.size()][];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
            }
            return new ColumnShortcut(Kind.ENUM_LABEL, labels);
        }
        if (target.codec() instanceof FloatCodec && (type == MySqlType.DOUBLE || type == MySqlType.FLOAT)) {
            return new ColumnShortcut(Kind.FLOATING, null);
        }
        // BINARY, UUID and INET types get bytes back or become text first: the general path
        if (target.codec() instanceof BytesCodec && (type == MySqlType.VARBINARY || type == MySqlType.TINYBLOB
                || type == MySqlType.BLOB || type == MySqlType.MEDIUMBLOB || type == MySqlType.LONGBLOB)) {
            return new ColumnShortcut(Kind.HEX, null);
        }
        if (target.codec() instanceof DateTimeCodec codec && codec.utcInstant() && type == MySqlType.TIMESTAMP) {
            return new ColumnShortcut(Kind.UTC_TIMESTAMP, null);
        }
        return NONE;
    }

    /** No shortcut for any of {@code count} columns: every value takes the general path (the tests' reference). */
    static ColumnShortcut[] none(int count) {
        ColumnShortcut[] shortcuts = new ColumnShortcut[count];
        java.util.Arrays.fill(shortcuts, NONE);
        return shortcuts;
    }

    static ColumnShortcut[] of(List<SourceColumn> sources, List<PgColumn> targets) {
        ColumnShortcut[] shortcuts = new ColumnShortcut[sources.size()];
        for (int i = 0; i < shortcuts.length; i++) {
            shortcuts[i] = of(sources.get(i), targets.get(i));
        }
        return shortcuts;
    }
}
