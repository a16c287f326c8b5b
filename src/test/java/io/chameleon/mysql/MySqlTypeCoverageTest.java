package io.chameleon.mysql;

import io.chameleon.capture.values.BinlogValueText;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.TypeMapper;
import io.chameleon.schema.UnsupportedTypeException;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@link MySqlType} is handled end to end: resolved from its {@code DATA_TYPE} name, mapped to a PostgreSQL
 * type and codec (with and without PostGIS), and a value of it as a rows event decodes it converted by
 * {@link BinlogValueText} and encoded by that codec. The failure lists every constant not handled.
 */
class MySqlTypeCoverageTest {

    /** A column of the type as information_schema would describe it, and a value of it as a rows event holds it. */
    private record Sample(String columnType, String charset, Long maxLength, Integer precision, Integer scale,
                          Integer datetimePrecision, Serializable binlogValue) {

        static Sample of(String columnType, Serializable binlogValue) {
            return new Sample(columnType, null, null, null, null, null, binlogValue);
        }

        static Sample text(String columnType, long maxLength, String value) {
            return new Sample(columnType, "utf8mb4", maxLength, null, null, null, ascii(value));
        }
    }

    /** A point at (1, 2) as MySQL stores it: SRID 0, then little-endian WKB. */
    private static final byte[] POINT = HexFormat.of().parseHex(
            "00000000" + "0101000000" + "000000000000F03F" + "0000000000000040");

    /** One case per constant and no default: a new MySqlType needs a sample here before this test compiles. */
    private static Sample sample(MySqlType type) {
        return switch (type) {
            case TINYINT -> Sample.of("tinyint(4)", -1);
            case SMALLINT -> Sample.of("smallint(5) unsigned", -1);
            case MEDIUMINT -> Sample.of("mediumint(9)", 7);
            case INT -> Sample.of("int(10) unsigned", -1);
            case BIGINT -> Sample.of("bigint(20) unsigned", -1L);
            case DECIMAL -> new Sample("decimal(10,2)", null, null, 10, 2, null, new BigDecimal("12.50"));
            case FLOAT -> Sample.of("float", 1.5f);
            case DOUBLE -> Sample.of("double", 2.5d);
            case BIT -> new Sample("bit(3)", null, null, 3, null, null, BitSet.valueOf(new long[] {5}));
            case DATE -> Sample.of("date", ascii("2024-01-31"));
            case DATETIME -> new Sample("datetime(6)", null, null, null, null, 6, ascii("2024-01-31 12:00:00.5"));
            case TIMESTAMP -> new Sample("timestamp", null, null, null, null, 0, ascii("2024-01-31 12:00:00"));
            case TIME -> new Sample("time", null, null, null, null, 0, ascii("-838:59:59"));
            case YEAR -> Sample.of("year(4)", ascii("2024"));
            case CHAR -> Sample.text("char(3)", 3, "abc");
            case VARCHAR -> Sample.text("varchar(20)", 20, "abc");
            case TINYTEXT -> Sample.text("tinytext", 255, "abc");
            case TEXT -> Sample.text("text", 65_535, "abc");
            case MEDIUMTEXT -> Sample.text("mediumtext", 16_777_215, "abc");
            case LONGTEXT -> Sample.text("longtext", 4_294_967_295L, "abc");
            case BINARY -> new Sample("binary(4)", null, 4L, null, null, null, new byte[] {1});
            case VARBINARY -> new Sample("varbinary(4)", null, 4L, null, null, null, new byte[] {1, 0});
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> Sample.of(type.dataTypeName(), new byte[] {0, -1});
            case ENUM -> new Sample("enum('a','b')", "utf8mb4", 1L, null, null, null, 2);
            case SET -> new Sample("set('x','y')", "utf8mb4", 3L, null, null, null, 3L);
            case JSON -> new Sample("json", null, null, null, null, null, ascii("{\"k\": [1, null]}"));
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON,
                    GEOMETRYCOLLECTION -> Sample.of(type.dataTypeName(), POINT.clone());
            case UUID -> Sample.of("uuid", HexFormat.of().parseHex("123e4567e89b12d3a456426614174000"));
            case INET4 -> Sample.of("inet4", new byte[] {10, 0, 0, 1});
            case INET6 -> Sample.of("inet6", HexFormat.of().parseHex("20010db8000000000000000000000001"));
            case UNKNOWN -> null;
        };
    }

    @Test
    void everyTypeIsMappedAndItsBinlogValuesConvert() {
        List<String> unhandled = new ArrayList<>();
        for (MySqlType type : MySqlType.values()) {
            if (type == MySqlType.UNKNOWN) {
                continue;
            }
            Sample sample = sample(type);
            SourceColumn column = new SourceColumn("c", 1, type.dataTypeName(), sample.columnType(), true,
                    new ColumnDefault.Null(), "", sample.charset(), null, sample.maxLength(), sample.precision(),
                    sample.scale(), sample.datetimePrecision());
            for (boolean postgis : new boolean[] {false, true}) {
                String where = type + (postgis ? " (PostGIS)" : "");
                try {
                    PgColumn mapped = new TypeMapper(Map.of(), postgis, BadValuePolicy.DEFAULT).map("s", "t", column);
                    byte[] text = BinlogValueText.of(sample.binlogValue(), column);
                    if (mapped.type().isBlank() || mapped.codec().fromText(text) == null) {
                        unhandled.add(where + ": mapped to '" + mapped.type() + "', its value converted to NULL");
                    }
                } catch (Exception e) {
                    unhandled.add(where + ": " + e);
                }
            }
        }
        assertThat(unhandled).as("MySqlType constants not handled by TypeMapper or BinlogValueText").isEmpty();
    }

    @Test
    void everyTypeResolvesFromItsNameInAnyCase() {
        for (MySqlType type : MySqlType.values()) {
            if (type != MySqlType.UNKNOWN) {
                assertThat(MySqlType.of(type.dataTypeName())).isEqualTo(type);
                assertThat(MySqlType.of(type.dataTypeName().toUpperCase())).isEqualTo(type);
            }
        }
    }

    @Test
    void aliasesResolveToTheirType() {
        assertThat(MySqlType.of("integer")).isEqualTo(MySqlType.INT);
        assertThat(MySqlType.of("numeric")).isEqualTo(MySqlType.DECIMAL);
        assertThat(MySqlType.of("double precision")).isEqualTo(MySqlType.DOUBLE);
        assertThat(MySqlType.of("real")).isEqualTo(MySqlType.DOUBLE);
        assertThat(MySqlType.of("geomcollection")).isEqualTo(MySqlType.GEOMETRYCOLLECTION);
    }

    @Test
    void anUnknownNameIsKeptAsTextAndRefusedByTheMappingNamingTheColumn() {
        SourceColumn vector = new SourceColumn("embedding", 1, "VECTOR", "vector(3)", true, new ColumnDefault.Null(),
                "", null, null, null, null, null, null);
        assertThat(vector.type()).isEqualTo(MySqlType.UNKNOWN);
        assertThat(vector.dataType()).isEqualTo("vector");
        assertThatThrownBy(() -> new TypeMapper(Map.of(), true, BadValuePolicy.DEFAULT).map("s", "t", vector))
                .isInstanceOf(UnsupportedTypeException.class).hasMessageContaining("embedding", "vector(3)");
    }

    @Test
    void aTypeContradictingTheDataTypeIsRefused() {
        assertThatThrownBy(() -> new SourceColumn("n", 1, "int", "int(11)", true, new ColumnDefault.Null(), "",
                null, null, null, null, null, null, MySqlType.BIGINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column n", "BIGINT", "int");
        assertThat(new SourceColumn("n", 1, "int", "int(11)", true, new ColumnDefault.Null(), "",
                null, null, null, null, null, null, MySqlType.INT).type()).isEqualTo(MySqlType.INT);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
