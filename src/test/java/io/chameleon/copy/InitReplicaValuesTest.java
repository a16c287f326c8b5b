package io.chameleon.copy;

import io.chameleon.mysql.SourceFixtures;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type row of BEHAVIOUR.md through init_replica end to end, edge values included: what PostgreSQL holds
 * after the copy, as PostgreSQL prints it ({@code column::text}, time zone UTC). The codec-level expectations are
 * in ValueRoundTripTest; this proves the copy path (snapshot session, streaming read, COPY) keeps them.
 */
@RealServers
class InitReplicaValuesTest {

    private static final String MEGA_HEX = "00ff".repeat(32768);

    private static CliRunner.Result init;
    private static List<Map<String, String>> copied;
    private static List<Map<String, String>> copiedInBinary;
    private static final List<String> NON_BINARY_COLUMNS = List.of("c_bit1", "c_bit12", "c_bit64", "c_set",
            "c_geometry", "c_point", "c_uuid", "c_inet6");

    private static List<String> binaryColumns(MariaDbDatabase source) {
        return source.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                        + " DATABASE() AND table_name = 'every_type' ORDER BY ordinal_position").stream()
                .map(row -> (String) row.get(0)).filter(c -> !NON_BINARY_COLUMNS.contains(c)).toList();
    }

    @BeforeAll
    static void copy(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute(SourceFixtures.EVERY_TYPE);
        source.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'",
                "INSERT INTO every_type (id, c_varchar, c_timestamp, c_set, c_enum, c_float, c_double) VALUES"
                        + " (4, 'a', NULL, 'y''s', 'a', -3.4028234663852886e38, -1.7976931348623157e308),"
                        + " (5, 'b', NULL, 'z,x', 'b,c', 1.17549435e-38, 2.2250738585072014e-308),"
                        + " (6, 'c', NULL, 'x,y''s', 'it''s', 0, 4.9e-324)");
        // the same rows without the columns that have no binary COPY form: this table is copied in binary
        source.execute("CREATE TABLE binary_types LIKE every_type",
                "ALTER TABLE binary_types " + NON_BINARY_COLUMNS.stream().map(c -> "DROP COLUMN " + c)
                        .collect(Collectors.joining(", ")),
                "INSERT INTO binary_types SELECT " + String.join(", ", binaryColumns(source)) + " FROM every_type");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "typed").write(home, "values").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err() + init.out()).isZero();
        copied = TargetText.rows(target, "typed", "every_type", "id");
        copiedInBinary = TargetText.rows(target, "typed", "binary_types", "id");
    }

    @Test
    void binaryCopyHoldsExactlyWhatTheTextCopyHolds() {
        assertThat(copiedInBinary).hasSameSizeAs(copied).hasSize(6);
        for (int i = 0; i < copied.size(); i++) {
            Map<String, String> byText = new LinkedHashMap<>(copied.get(i));
            NON_BINARY_COLUMNS.forEach(byText::remove);
            assertThat(copiedInBinary.get(i)).containsExactlyEntriesOf(byText);
        }
    }

    @Test
    void copiesMaximaExactly() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("c_tinyint", "127");
        expected.put("c_tinyint_u", "255");
        expected.put("c_bool", "127"); // tinyint(1) is a number: MySQL allows more than 0/1
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
        expected.put("c_float", "3.4028235e+38"); // the exact float, not the 6 digits MariaDB prints
        expected.put("c_double", "1.7976931348623157e+308");
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
        expected.put("c_time", "24:00:00");
        expected.put("c_year", "2155");
        expected.put("c_enum", "it's");
        expected.put("c_set", "{x,y's,z}");
        expected.put("c_json", "{\"k\": \"ü😀\", \"n\": [1, 2.5, null, true], \"q\": \"a\\\"b\"}");
        expected.put("c_geometry", "\\x0101000000000000000000f03f0000000000000040"); // WKB: no PostGIS here
        expected.put("c_point", "\\x0101000000000000000000f83f00000000000004c0");
        expected.put("c_uuid", "123e4567-e89b-12d3-a456-426614174000");
        expected.put("c_inet6", "2001:db8::1/128");

        assertThat(copied.get(0)).containsExactlyEntriesOf(expected);
    }

    @Test
    void copiesMinimaEmptiesAndPrecisionTraps() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "2");
        expected.put("c_tinyint", "-128");
        expected.put("c_tinyint_u", "0");
        expected.put("c_bool", "-128");
        expected.put("c_smallint", "-32768");
        expected.put("c_smallint_u", "0");
        expected.put("c_mediumint", "-8388608");
        expected.put("c_mediumint_u", "0");
        expected.put("c_int", "-2147483648");
        expected.put("c_int_u", "0");
        expected.put("c_bigint", "-9223372036854775808");
        expected.put("c_bigint_u", "0");
        expected.put("c_bit1", "0");
        expected.put("c_bit12", "000000000000");
        expected.put("c_bit64", "0".repeat(64));
        expected.put("c_decimal", "-" + "9".repeat(35) + "." + "9".repeat(30));
        expected.put("c_float", "1.2345678");
        expected.put("c_double", "0.30000000000000004");
        expected.put("c_char", "");
        expected.put("c_varchar", "");
        expected.put("c_latin1", "");
        expected.put("c_tinytext", "");
        expected.put("c_text", "");
        expected.put("c_mediumtext", "");
        expected.put("c_longtext", "");
        expected.put("c_binary", "\\x00000000");
        expected.put("c_varbinary", "\\x");
        expected.put("c_tinyblob", "\\x");
        expected.put("c_blob", "\\x");
        expected.put("c_mediumblob", "\\x");
        expected.put("c_longblob", "\\x");
        expected.put("c_date", "1000-01-01");
        expected.put("c_datetime", "1000-01-01 00:00:00");
        expected.put("c_timestamp", "1970-01-01 00:00:01+00");
        expected.put("c_time", "00:00:00");
        expected.put("c_year", "1901");
        expected.put("c_enum", "b,c");
        expected.put("c_set", "{}");
        expected.put("c_json", "[]");
        expected.put("c_geometry", null);
        expected.put("c_point", null);
        expected.put("c_uuid", null);
        expected.put("c_inet6", null);

        assertThat(copied.get(1)).containsExactlyEntriesOf(expected);
    }

    @Test
    void copiesNullsAndColumnDefaults() {
        Map<String, String> row = copied.get(2);
        assertThat(row).containsEntry("c_tinyint", "0")
                .containsEntry("c_bool", "1")
                .containsEntry("c_bigint_u", "18446744073709551615")
                .containsEntry("c_bit1", "1")
                .containsEntry("c_bit12", "000000000101")
                .containsEntry("c_decimal", "1.500000000000000000000000000000")
                .containsEntry("c_char", "it's")
                .containsEntry("c_varchar", "x")
                .containsEntry("c_date", "2020-01-31")
                .containsEntry("c_datetime", "2000-01-01 00:00:00")
                .containsEntry("c_year", "0");
        assertThat(row.entrySet()).filteredOn(e -> e.getValue() == null).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("c_tinyint_u", "c_smallint", "c_smallint_u", "c_mediumint",
                        "c_mediumint_u", "c_int", "c_int_u", "c_bigint", "c_bit64", "c_float", "c_double",
                        "c_latin1", "c_tinytext", "c_text", "c_mediumtext", "c_longtext", "c_binary", "c_varbinary",
                        "c_tinyblob", "c_blob", "c_mediumblob", "c_longblob", "c_timestamp", "c_time", "c_enum",
                        "c_set", "c_json", "c_geometry", "c_point", "c_uuid", "c_inet6");
    }

    @Test
    void copiesSetCombinationsAndFloatLimits() {
        assertThat(copied.subList(3, 6)).extracting(r -> List.of(r.get("c_set"), r.get("c_enum"), r.get("c_float"),
                r.get("c_double"))).containsExactly(
                List.of("{y's}", "a", "-3.4028235e+38", "-1.7976931348623157e+308"),
                List.of("{x,z}", "b,c", "1.1754944e-38", "2.2250738585072014e-308"),
                List.of("{x,y's}", "it's", "0", "5e-324"));
    }

    @Test
    void discardsNothingAndCountsEveryRow(PostgresDatabase target) {
        assertThat(target.queryForList("SELECT copied_rows FROM chameleon_catalogue.replicated_table"
                + " WHERE table_name = 'every_type'")).containsExactly(List.of(6L));
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.discarded_row"))
                .containsExactly(List.of(0L));
    }
}
