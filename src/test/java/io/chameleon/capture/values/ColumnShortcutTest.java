package io.chameleon.capture.values;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-column shortcuts give the very image the general path (value text, then the codec) gives: many random
 * rows of every shortcut type, values outside the shortcuts (invalid enum index, zero timestamp, infinities) too,
 * encoded once with the shortcuts and once without.
 */
class ColumnShortcutTest {

    private static final SourceTable SOURCE = new SourceTable("shop", "wide", "InnoDB", true, List.of(
            column("id", 1, "int", "int(11)", false, null),
            column("tiny", 2, "tinyint", "tinyint(4)", true, null),
            column("big", 3, "bigint", "bigint(20)", true, null),
            column("unsigned_int", 4, "int", "int(10) unsigned", true, null),
            column("status", 5, "enum", "enum('new','paid','ü😀','it''s')", true, "utf8mb4"),
            column("score", 6, "double", "double", true, null),
            column("ratio", 7, "float", "float", true, null),
            column("payload", 8, "blob", "blob", true, null),
            column("stamp", 9, "timestamp", "timestamp(6)", true, null),
            column("latin", 10, "enum", "enum('a','é')", true, "latin1")),
            List.of(new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false)), 0, 0);

    private static final String[] STAMPS = {"2026-12-06 20:15:32.123456", "1970-01-01 00:00:01.000000",
        "0000-00-00 00:00:00.000000", "2038-01-19 03:14:07.999999"};

    @Test
    void shortcutsGiveTheGeneralPathsImages() throws Exception {
        PgTable target = new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT)).map(SOURCE, "shop");
        ImageColumns fast = ImageColumns.of(SOURCE, target);
        ImageColumns general = new ImageColumns(fast.sourceColumns(), fast.targetColumns(), fast.keyColumns(),
                fast.allColumns(), fast.keyColumnIndexes(), ColumnShortcut.none(fast.allColumns().length));
        assertThat(fast.shortcuts()).extracting(shortcut -> shortcut.kind).containsExactly(
                ColumnShortcut.Kind.SIGNED_INTEGER, ColumnShortcut.Kind.SIGNED_INTEGER,
                ColumnShortcut.Kind.SIGNED_INTEGER, ColumnShortcut.Kind.NONE, ColumnShortcut.Kind.ENUM_LABEL,
                ColumnShortcut.Kind.FLOATING, ColumnShortcut.Kind.FLOATING, ColumnShortcut.Kind.HEX,
                ColumnShortcut.Kind.UTC_TIMESTAMP, ColumnShortcut.Kind.ENUM_LABEL);
        RowImageEncoder encoder = new RowImageEncoder();
        SplittableRandom random = new SplittableRandom(18);
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            Serializable[] row = row(random, i);
            byte[] expected;
            try {
                expected = encoder.encode(row, general, false);
            } catch (RowImageEncoder.BadValue bad) {
                rejected++;
                assertThat(bad.column()).isIn("status", "stamp", "score", "ratio", "latin");
                continue; // the shortcuts leave every such value to the general path, which rejects it alike
            }
            assertThat(encoder.encode(row, fast, false)).as("row %s", java.util.Arrays.asList(row)).isEqualTo(expected);
            assertThat(encoder.encodeKey(row, fast, false)).isEqualTo(encoder.encodeKey(row, general, false));
        }
        assertThat(rejected).isBetween(1, 40_000);
    }

    private static Serializable[] row(SplittableRandom random, int i) {
        List<Serializable> row = new ArrayList<>();
        row.add(random.nextBoolean() ? random.nextInt() : (int) (random.nextInt(2001) - 1000));
        row.add(maybe(random, random.nextInt(-128, 128)));
        row.add(maybe(random, random.nextInt(8) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE)
                : random.nextLong()));
        row.add(maybe(random, random.nextInt()));
        row.add(maybe(random, random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(4)));
        double[] specials = {0.0, -0.0, 1e300, 4.9e-324, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 123.456};
        row.add(maybe(random, random.nextInt(4) == 0 ? specials[random.nextInt(specials.length)]
                : Double.longBitsToDouble(random.nextLong())));
        row.add(maybe(random, random.nextInt(4) == 0 ? (float) specials[random.nextInt(specials.length)]
                : Float.intBitsToFloat(random.nextInt())));
        byte[] payload = new byte[random.nextInt(600)];
        random.nextBytes(payload);
        row.add(maybe(random, payload));
        row.add(maybe(random, STAMPS[random.nextInt(STAMPS.length)].getBytes(StandardCharsets.US_ASCII)));
        row.add(maybe(random, random.nextInt(30) == 0 ? 3 : 1 + random.nextInt(2)));
        return row.toArray(new Serializable[0]);
    }

    private static Serializable maybe(SplittableRandom random, Serializable value) {
        return random.nextInt(10) == 0 ? null : value;
    }

    private static SourceColumn column(String name, int position, String dataType, String columnType,
                                       boolean nullable, String charset) {
        return new SourceColumn(name, position, dataType, columnType, nullable,
                nullable ? new ColumnDefault.Null() : new ColumnDefault.None(), "", charset, null, null, null, null,
                null);
    }
}
