package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.chameleon.testsupport.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero and partial dates and TIME values beyond 24 h met by init_replica, under the default and each
 * bad_value_policy. TIME values are intervals whatever the policy. Each test uses its own catalogue and
 * destination schema in the class's PostgreSQL database.
 */
@RealServers
class InitReplicaBadValuesTest {

    /** Every TIME(6) extreme MariaDB stores, as PostgreSQL prints the interval it becomes. */
    private static final List<List<Object>> TIMES = List.of(List.of(1, "-838:59:59"), List.of(2, "25:00:00"),
            List.of(3, "838:59:59"), List.of(4, "-00:00:00.5"), List.of(5, "123:45:06.789012"),
            List.of(6, "838:59:59.999999"), List.of(7, "-838:59:59.999999"), List.of(8, "00:00:00"));

    @BeforeAll
    static void legacyRows(MariaDbDatabase source) {
        source.execute("SET SESSION sql_mode = ''", // what lets MariaDB store zero dates
                "CREATE TABLE legacy_dates (id INT PRIMARY KEY, born DATE, updated DATETIME NOT NULL, opened TIME,"
                        + " note VARCHAR(20))",
                "INSERT INTO legacy_dates VALUES (1, '2020-01-31', '2020-01-31 10:00:00', '10:00:00', 'fine'),"
                        + " (2, '0000-00-00', '2020-01-31 10:00:00', '10:00:00', 'zero date'),"
                        + " (3, '2020-01-31', '2020-01-31 10:00:00', '838:59:59', 'long time'),"
                        + " (4, '2020-01-31', '0000-00-00 00:00:00', '10:00:00', 'zero not null'),"
                        + " (5, '2024-00-15', '2024-02-00 10:00:00', '-838:59:59', 'partial dates'),"
                        + " (6, '2020-01-31', '2020-01-31 10:00:00', '25:00:00', 'a day and an hour')",
                "CREATE TABLE legacy_times (id INT PRIMARY KEY, t TIME(6) NOT NULL)",
                "INSERT INTO legacy_times VALUES (1, '-838:59:59'), (2, '25:00:00'), (3, '838:59:59'),"
                        + " (4, '-00:00:00.5'), (5, '123:45:06.789012'), (6, '838:59:59.999999'),"
                        + " (7, '-838:59:59.999999'), (8, '-00:00:00')");
    }

    private static String config(MariaDbDatabase source, PostgresDatabase target, Path home, String catalogue,
                                 String policy) {
        return TestConfig.between(source, target).set("CATALOGUE", catalogue).set("PG_SCHEMA", "legacy_" + catalogue)
                .set("BAD_VALUE_POLICY", policy).write(home, catalogue + "-" + policy).toString();
    }

    /** A configuration without bad_value_policy, as pg_chameleon's files are. */
    private static String configWithoutPolicy(MariaDbDatabase source, PostgresDatabase target, Path home,
                                              String catalogue) throws IOException {
        Path file = Path.of(config(source, target, home, catalogue, "discard"));
        Files.writeString(file, Files.readAllLines(file).stream().filter(line -> !line.contains("bad_value_policy"))
                .collect(Collectors.joining("\n", "", "\n")));
        return file.toString();
    }

    private static CliRunner.Result initReplica(String config) {
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        return CliRunner.run("init_replica", "--config", config, "--source", "shop");
    }

    private static void assertTimesKeptAsIntervals(PostgresDatabase target, String schema) {
        assertThat(target.queryForList("SELECT id, t::text FROM " + schema + ".legacy_times ORDER BY id"))
                .containsExactlyElementsOf(TIMES);
        assertThat(target.queryForList("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                + schema + ".legacy_times'::regclass AND attname = 't'")).containsExactly(List.of("interval(6)"));
    }

    @Test
    void defaultKeepsEveryRowWithZeroDatesAsNullRecordedAndListed(MariaDbDatabase source, PostgresDatabase target,
                                                                   @TempDir Path home) throws IOException {
        String config = configWithoutPolicy(source, target, home, "defaulting");
        CliRunner.Result init = initReplica(config);

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("4 values PostgreSQL cannot hold written as NULL by the bad-value policy");
        assertThat(target.queryForList("SELECT id, born::text, updated::text, opened::text, note"
                + " FROM legacy_defaulting.legacy_dates ORDER BY id")).containsExactly(
                List.of(1, "2020-01-31", "2020-01-31 10:00:00", "10:00:00", "fine"),
                row(2, null, "2020-01-31 10:00:00", "10:00:00", "zero date"),
                List.of(3, "2020-01-31", "2020-01-31 10:00:00", "838:59:59", "long time"),
                row(4, "2020-01-31", null, "10:00:00", "zero not null"),
                row(5, null, null, "-838:59:59", "partial dates"),
                List.of(6, "2020-01-31", "2020-01-31 10:00:00", "25:00:00", "a day and an hour"));
        assertThat(target.queryForList("SELECT is_nullable FROM information_schema.columns WHERE table_schema ="
                + " 'legacy_defaulting' AND table_name = 'legacy_dates' AND column_name = 'updated'"))
                .as("a NOT NULL datetime that can hold zero dates").containsExactly(List.of("YES"));
        assertTimesKeptAsIntervals(target, "legacy_defaulting");
        assertThat(target.queryForList("SELECT table_name, column_name, split_part(reason, ':', 1),"
                + " row_data::jsonb ->> 'id', reason LIKE '%' || (row_data::jsonb ->> column_name) || '%'"
                + " FROM defaulting.discarded_row ORDER BY 4, 2")).containsExactly(
                List.of("legacy_dates", "born", "zero_date set to NULL", "2", true),
                List.of("legacy_dates", "updated", "zero_date set to NULL", "4", true),
                List.of("legacy_dates", "born", "zero_date set to NULL", "5", true),
                List.of("legacy_dates", "updated", "zero_date set to NULL", "5", true));

        CliRunner.Result errors = CliRunner.run("show_errors", "--config", config);
        assertThat(errors.exitCode()).as(errors.err()).isZero();
        assertThat(errors.out()).contains("4 values set to NULL and 0 rows discarded by bad_value_policy");
        CliRunner.Result listed = CliRunner.run("show_errors", "--config", config, "--bad-values");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(source.name() + ".legacy_dates", "set to NULL", "'0000-00-00'",
                "'2024-00-15'", "'0000-00-00 00:00:00'", "'2024-02-00 10:00:00'", "\"id\":\"5\"", "copy");
    }

    @Test
    void discardLeavesBadRowsOutAndRecordsTableColumnAndReason(MariaDbDatabase source, PostgresDatabase target,
                                                               @TempDir Path home) {
        CliRunner.Result init = initReplica(config(source, target, home, "discarding", "discard"));

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT id, opened::text FROM legacy_discarding.legacy_dates ORDER BY id"))
                .containsExactly(List.of(1, "10:00:00"), List.of(3, "838:59:59"), List.of(6, "25:00:00"));
        assertThat(target.queryForList("SELECT table_name, column_name, split_part(reason, ':', 1),"
                + " row_data::jsonb ->> 'id' FROM discarding.discarded_row ORDER BY 4")).containsExactly(
                List.of("legacy_dates", "born", "zero_date", "2"),
                List.of("legacy_dates", "updated", "zero_date", "4"),
                List.of("legacy_dates", "born", "zero_date", "5"));
        assertThat(target.queryForList("SELECT copied_rows FROM discarding.replicated_table WHERE table_name ="
                + " 'legacy_dates'")).containsExactly(List.of(3L));
        assertThat(target.queryForList("SELECT is_nullable FROM information_schema.columns WHERE table_schema ="
                + " 'legacy_discarding' AND table_name = 'legacy_dates' AND column_name = 'updated'"))
                .containsExactly(List.of("NO"));
        assertTimesKeptAsIntervals(target, "legacy_discarding");
    }

    @Test
    void nullKeepsEveryRowAndRecordsEachNulledValue(MariaDbDatabase source, PostgresDatabase target,
                                                    @TempDir Path home) {
        CliRunner.Result init = initReplica(config(source, target, home, "nulling", "null"));

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT id, born::text, updated::text FROM legacy_nulling.legacy_dates"
                + " ORDER BY id")).containsExactly(
                List.of(1, "2020-01-31", "2020-01-31 10:00:00"), row(2, null, "2020-01-31 10:00:00"),
                List.of(3, "2020-01-31", "2020-01-31 10:00:00"), row(4, "2020-01-31", null), row(5, null, null),
                List.of(6, "2020-01-31", "2020-01-31 10:00:00"));
        assertThat(target.queryForList("SELECT column_name, row_data::jsonb ->> 'id' FROM nulling.discarded_row"
                + " WHERE reason LIKE 'zero_date set to NULL:%' ORDER BY 2, 1")).containsExactly(
                List.of("born", "2"), List.of("updated", "4"), List.of("born", "5"), List.of("updated", "5"));
    }

    @Test
    void errorStopsNamingTableKeyAndColumnAndKeepsThePreviousCopy(MariaDbDatabase source, PostgresDatabase target,
                                                                  @TempDir Path home) {
        CliRunner.Result previous = initReplica(config(source, target, home, "stopping", "discard"));
        assertThat(previous.exitCode()).as(previous.err()).isZero();

        CliRunner.Result init = CliRunner.run("init_replica", "--config",
                config(source, target, home, "stopping", "error"), "--source", "shop");

        assertThat(init.exitCode()).isEqualTo(6);
        assertThat(init.err()).contains("table " + source.name() + ".legacy_dates", "row id=2", "column born",
                "bad_value_policy is error");
        assertThat(target.queryForList("SELECT status::text FROM stopping.source")).containsExactly(List.of("error"));
        assertThat(target.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE '%legacy_stopping%'"
                + " ORDER BY 1")).containsExactly(List.of("legacy_stopping"));
        assertThat(target.queryForList("SELECT id FROM legacy_stopping.legacy_dates ORDER BY id"))
                .containsExactly(List.of(1), List.of(3), List.of(6));
    }
}
