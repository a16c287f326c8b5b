package io.chameleon.schema;

import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.mysql.SourceFixtures;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values read from MariaDB exactly as the copy reads them, through the codecs, into PostgreSQL and back: the text
 * each codec produces is asserted, and PostgreSQL must accept it and hold the same value.
 */
@RealServers
class ValueRoundTripTest {

    private static final String MEGA_HEX = "00ff".repeat(32768);

    private static Map<String, PgTable> mapped;

    @BeforeAll
    static void createBoth(MariaDbDatabase source, PostgresDatabase target) throws SQLException {
        MappedSchema.createSource(source);
        mapped = MappedSchema.create(source, target, "dest", Map.of());
    }

    /** Reads rows like the copy: raw bytes in the column charset, UTC session, {@code getBytes} for every column. */
    private static List<Map<String, Object>> readThroughCodecs(MariaDbDatabase source, String table)
            throws SQLException {
        PgTable pg = mapped.get(table);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection mysql = source.connect(); Statement statement = mysql.createStatement()) {
            statement.execute("SET character_set_results = NULL");
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet result = statement.executeQuery("SELECT * FROM `" + table + "` ORDER BY 1")) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < pg.columns().size(); i++) {
                        PgColumn column = pg.columns().get(i);
                        try {
                            row.put(column.name(), column.codec().fromText(result.getBytes(i + 1)));
                        } catch (BadValueException e) {
                            row.put(column.name(), e.reason());
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void convertsMaximaToPostgresText(MariaDbDatabase source) throws SQLException {
        Map<String, Object> row = readThroughCodecs(source, "every_type").get(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("c_tinyint", "127");
        expected.put("c_tinyint_u", "255");
        expected.put("c_bool", "127");
        expected.put("c_smallint", "32767");
        expected.put("c_smallint_u", "65535");
        expected.put("c_mediumint", "8388607");
        expected.put("c_mediumint_u", "16777215");
        expected.put("c_int", "2147483647");
        expected.put("c_int_u", "4294967295");
        expected.put("c_bigint", "9223372036854775807");
        expected.put("c_bigint_u", "18446744073709551615");
        expected.put("c_bit1", "1");
        expected.put("c_bit12", "101010101010");
        expected.put("c_bit64", "1".repeat(64));
        expected.put("c_decimal", "9".repeat(35) + "." + "9".repeat(30));
        expected.put("c_float", "3.40282E38"); // MariaDB prints 6 digits: see floatsNeedACastToBeLossless
        expected.put("c_double", "1.7976931348623157E308");
        expected.put("c_char", "it's");
        expected.put("c_varchar", "héllo 😀 𝄞");
        expected.put("c_latin1", "café €");
        expected.put("c_tinytext", "x");
        expected.put("c_text", "tab\there");
        expected.put("c_mediumtext", "ü");
        expected.put("c_longtext", "😀");
        expected.put("c_binary", "\\x00ff0a0d");
        expected.put("c_varbinary", "\\x00");
        expected.put("c_tinyblob", "\\x");
        expected.put("c_blob", "\\x5c");
        expected.put("c_mediumblob", "\\x" + MEGA_HEX);
        expected.put("c_longblob", "\\x" + SourceFixtures.allBytes());
        expected.put("c_date", "9999-12-31");
        expected.put("c_datetime", "9999-12-31 23:59:59.999999");
        expected.put("c_timestamp", "2038-01-19 03:14:07.999999+00");
        expected.put("c_time", "24:00:00.000000");
        expected.put("c_year", "2155");
        expected.put("c_enum", "it's");
        expected.put("c_set", "{\"x\",\"y's\",\"z\"}");
        expected.put("c_json", "{\"k\": \"ü😀\", \"n\": [1, 2.5, null, true], \"q\": \"a\\\"b\"}");
        expected.put("c_geometry", "\\x0101000000000000000000f03f0000000000000040");
        expected.put("c_point", "\\x0101000000000000000000f83f00000000000004c0");
        expected.put("c_uuid", "123e4567-e89b-12d3-a456-426614174000");
        expected.put("c_inet6", "2001:db8::1");
        assertThat(row).containsExactlyEntriesOf(expected);
    }

    @Test
    void convertsMinimaEmptiesAndNulls(MariaDbDatabase source) throws SQLException {
        List<Map<String, Object>> rows = readThroughCodecs(source, "every_type");
        assertThat(rows.get(1)).containsEntry("c_bigint", "-9223372036854775808")
                .containsEntry("c_bigint_u", "0")
                .containsEntry("c_bit64", "0".repeat(64))
                .containsEntry("c_float", "1.23457")
                .containsEntry("c_double", "0.30000000000000004")
                .containsEntry("c_varchar", "")
                .containsEntry("c_tinyblob", "\\x")
                .containsEntry("c_timestamp", "1970-01-01 00:00:01.000000+00")
                .containsEntry("c_time", "00:00:00.000000")
                .containsEntry("c_year", "1901")
                .containsEntry("c_enum", "b,c")
                .containsEntry("c_set", "{}")
                .containsEntry("c_json", "[]")
                .containsEntry("c_geometry", null);
        assertThat(rows.get(2)).containsEntry("c_year", "0")
                .containsEntry("c_bit12", "000000000101")
                .containsEntry("c_int", null)
                .containsEntry("c_enum", null)
                .containsEntry("c_set", null);
    }

    @Test
    void postgresAcceptsEveryValueAndHoldsTheSame(MariaDbDatabase source, PostgresDatabase target)
            throws SQLException {
        List<Map<String, Object>> rows = readThroughCodecs(source, "every_type");
        PgTable table = mapped.get("every_type");
        String columns = table.columns().stream().map(c -> PgIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
        try (Connection pg = target.connect()) {
            pg.createStatement().execute("SET TimeZone = 'UTC'");
            try (PreparedStatement insert = pg.prepareStatement("INSERT INTO dest.every_type (" + columns
                    + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?"))
                    + ")")) {
                for (Map<String, Object> row : rows) {
                    int i = 1;
                    for (Object value : row.values()) {
                        insert.setObject(i++, value, Types.OTHER); // untyped text, as in COPY: the column type parses it
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<String, String> back = new HashMap<>();
            try (ResultSet result = pg.createStatement().executeQuery("SELECT "
                    + table.columns().stream().map(c -> PgIdentifiers.quote(c.name()) + "::text")
                    .collect(Collectors.joining(", ")) + " FROM dest.every_type WHERE id = 1")) {
                result.next();
                for (int i = 0; i < table.columns().size(); i++) {
                    back.put(table.columns().get(i).name(), result.getString(i + 1));
                }
            }
            // PostgreSQL prints some values its own way; all others read back exactly as the codec wrote them
            Map<String, String> printedDifferently = Map.of(
                    "c_float", "3.40282e+38",
                    "c_double", "1.7976931348623157e+308",
                    "c_time", "24:00:00",
                    "c_set", "{x,y's,z}",
                    "c_inet6", "2001:db8::1/128");
            rows.get(0).forEach((column, text) ->
                    assertThat(back.get(column)).as(column).isEqualTo(printedDifferently.getOrDefault(column, (String) text)));
            assertThat(target.queryForList("SELECT count(*) FROM dest.every_type")).containsExactly(List.of(3L));
        }
    }

    @Test
    void floatsNeedACastToBeLossless(MariaDbDatabase source) throws SQLException, BadValueException {
        // MariaDB's text protocol prints FLOAT with 6 significant digits; CAST(... AS DOUBLE) gives the exact value
        try (Connection mysql = source.connect(); Statement statement = mysql.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT c_float, CAST(c_float AS DOUBLE) FROM every_type WHERE id IN (1, 2) ORDER BY id")) {
            FloatCodec codec = (FloatCodec) mapped.get("every_type").column("c_float").orElseThrow().codec();
            rows.next();
            assertThat(codec.fromText(rows.getBytes(1))).isEqualTo("3.40282E38");
            assertThat(codec.fromText(rows.getBytes(2))).isEqualTo(Float.toString(Float.MAX_VALUE));
            rows.next();
            assertThat(codec.fromText(rows.getBytes(1))).isEqualTo("1.23457");
            assertThat(codec.fromText(rows.getBytes(2))).isEqualTo("1.2345678");
            assertThat(codec.fromText(rows.getBytes(2))).isEqualTo(codec.fromFloat(1.2345678f)); // the stream's value
        }
    }

    @Test
    void reportsBadValuesWithTheirReason(MariaDbDatabase source) throws SQLException {
        List<Map<String, Object>> rows = readThroughCodecs(source, "bad_values");
        assertThat(rows.get(0)).containsEntry("d", BadValueReason.ZERO_DATE)
                .containsEntry("dt", BadValueReason.ZERO_DATE)
                .containsEntry("t", "838:59:59") // an interval: not a bad value since TIME maps to interval
                .containsEntry("v", "a");
        assertThat(rows.get(1)).containsEntry("d", BadValueReason.ZERO_DATE)
                .containsEntry("dt", BadValueReason.ZERO_DATE)
                .containsEntry("t", "-838:59:59")
                .containsEntry("v", BadValueReason.NUL_CHARACTER)
                .containsEntry("j", BadValueReason.NUL_CHARACTER)
                .containsEntry("e", BadValueReason.OUT_OF_RANGE);
    }

    @Test
    void postgresRejectsWhatTheCodecsReportAsBad(PostgresDatabase target) {
        // why the bad values are bad: PostgreSQL refuses each of them (the times as PostgreSQL's time, which
        // type_override may choose; the default interval holds them)
        for (String value : List.of("'0000-00-00'::date", "'838:59:59'::time", "'{\"k\": \"\\u0000\"}'::jsonb",
                "'-01:00:00'::time")) {
            assertThatThrownBy(() -> target.execute("SELECT " + value)).as(value).isNotNull();
        }
    }
}
