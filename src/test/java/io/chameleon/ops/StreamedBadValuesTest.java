package io.chameleon.ops;

import io.chameleon.error.ExitStatus;

import io.chameleon.error.ChameleonException;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
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
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero and partial dates and TIME values beyond 24 h through the binlog stream end as the copy makes them: under
 * the default policy every row arrives, the dates NULL and recorded, the times whole as intervals; under
 * {@code discard} the same rows are left out in both paths. Each test streams into its own empty twin of
 * {@code legacy} and has its own catalogue and destination schema.
 */
@RealServers
class StreamedBadValuesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @BeforeAll
    static void legacyRows(MariaDbDatabase source) {
        source.execute("SET SESSION sql_mode = ''", // what lets MariaDB store zero dates
                "CREATE TABLE legacy (id INT PRIMARY KEY, born DATE, updated DATETIME(3) NOT NULL, t TIME(6),"
                        + " note VARCHAR(20))",
                "INSERT INTO legacy VALUES (1, '2020-01-31', '2020-01-31 10:00:00.125', '10:00:00', 'fine'),"
                        + " (2, '0000-00-00', '2020-01-31 10:00:00', '-838:59:59', 'zero date'),"
                        + " (3, '2020-01-31', '2020-01-31 10:00:00', '838:59:59', 'long time'),"
                        + " (4, '2020-01-31', '0000-00-00 00:00:00', '25:00:00', 'zero not null'),"
                        + " (5, '2024-00-15', '2024-02-00 10:00:00.5', '-00:00:00.5', 'partial dates'),"
                        + " (6, '2020-01-31', '2020-01-31 10:00:00', '838:59:59.999999', 'fraction'),"
                        + " (7, '2020-01-31', '2020-01-31 10:00:00', '-838:59:59.999999', 'negative fraction'),"
                        + " (8, '2020-01-31', '2020-01-31 10:00:00', '-12:34:56.000001', 'negative micro')",
                "CREATE TABLE legacy_default LIKE legacy",
                "CREATE TABLE legacy_discard LIKE legacy",
                "CREATE TABLE legacy_error LIKE legacy");
    }

    /** Every row inserted into the twin, then updated and updated back, so update images carry the values too. */
    private static void streamInto(MariaDbDatabase source, String twin) {
        source.execute("SET SESSION sql_mode = ''",
                "INSERT INTO " + twin + " SELECT * FROM legacy",
                "UPDATE " + twin + " SET note = concat(note, '!')",
                "UPDATE " + twin + " SET note = left(note, char_length(note) - 1)");
    }

    private static List<String> rowTexts(PostgresDatabase target, String schema, String table) {
        return target.queryForList("SELECT x::text FROM " + schema + "." + table + " x ORDER BY id").stream()
                .map(row -> (String) row.get(0)).toList();
    }

    @Test
    void defaultStreamsEveryRowWithZeroDatesAsNullRecordedAndTimesWhole(MariaDbDatabase source,
                                                                       PostgresDatabase target, @TempDir Path home)
            throws IOException, InterruptedException {
        Path config = Path.of(TestConfig.between(source, target).set("CATALOGUE", "defaulting")
                .set("PG_SCHEMA", "legacy_defaulting").write(home, "defaulting").toString());
        Files.writeString(config, Files.readAllLines(config).stream()
                .filter(line -> !line.contains("bad_value_policy")).collect(Collectors.joining("\n", "", "\n")));
        List<String> copied;
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config.toString(), target)) {
            copied = rowTexts(target, "legacy_defaulting", "legacy");
            assertThat(copied).containsExactly(
                    "(1,2020-01-31,\"2020-01-31 10:00:00.125\",10:00:00,fine)",
                    "(2,,\"2020-01-31 10:00:00\",-838:59:59,\"zero date\")",
                    "(3,2020-01-31,\"2020-01-31 10:00:00\",838:59:59,\"long time\")",
                    "(4,2020-01-31,,25:00:00,\"zero not null\")",
                    "(5,,,-00:00:00.5,\"partial dates\")",
                    "(6,2020-01-31,\"2020-01-31 10:00:00\",838:59:59.999999,fraction)",
                    "(7,2020-01-31,\"2020-01-31 10:00:00\",-838:59:59.999999,\"negative fraction\")",
                    "(8,2020-01-31,\"2020-01-31 10:00:00\",-12:34:56.000001,\"negative micro\")");
            streamInto(source, "legacy_default");

            Eventually.equals(copied, () -> rowTexts(target, "legacy_defaulting", "legacy_default"), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        assertThat(target.queryForList("SELECT count(*) FROM defaulting.replay_error")).containsExactly(List.of(0L));
        // the insert and both updates of rows 2, 4 and 5: two dates in row 5, one in the others
        assertThat(target.queryForList("SELECT column_name, split_part(reason, ':', 1), count(*)"
                + " FROM defaulting.discarded_row WHERE table_name = 'legacy_default' AND binlog_file IS NOT NULL"
                + " GROUP BY 1, 2 ORDER BY 1")).containsExactly(
                List.of("born", "zero_date set to NULL", 6L), List.of("updated", "zero_date set to NULL", 6L));
        assertThat(target.queryForList("SELECT DISTINCT substring(reason from '''.*''') FROM defaulting.discarded_row"
                + " WHERE table_name = 'legacy_default'")).containsExactlyInAnyOrder(List.of("'0000-00-00'"),
                List.of("'0000-00-00 00:00:00.000'"), List.of("'2024-00-15'"), List.of("'2024-02-00 10:00:00.500'"));
        CliRunner.Result listed = CliRunner.run("show_errors", "--config", config.toString(), "--bad-values");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(source.name() + ".legacy_default", "set to NULL", "'2024-00-15'");
        // the operator's first look says so too
        CliRunner.Result status = CliRunner.run("show_status", "--config", config.toString(), "--source", "shop");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Errors and warnings on record: none")
                .containsPattern("[1-9]\\d* values set to NULL and 0 rows discarded by bad_value_policy");
    }

    @Test
    void discardLeavesTheSameRowsOutOfCopyAndStream(MariaDbDatabase source, PostgresDatabase target,
                                                    @TempDir Path home) throws InterruptedException {
        String config = TestConfig.between(source, target).set("CATALOGUE", "discarding")
                .set("PG_SCHEMA", "legacy_discarding").set("BAD_VALUE_POLICY", "discard").write(home, "discarding")
                .toString();
        List<String> copied;
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            copied = rowTexts(target, "legacy_discarding", "legacy");
            assertThat(target.queryForList("SELECT id, t::text FROM legacy_discarding.legacy ORDER BY id"))
                    .containsExactly(List.of(1, "10:00:00"), List.of(3, "838:59:59"),
                            List.of(6, "838:59:59.999999"), List.of(7, "-838:59:59.999999"),
                            List.of(8, "-12:34:56.000001"));
            streamInto(source, "legacy_discard");

            Eventually.equals(copied, () -> rowTexts(target, "legacy_discarding", "legacy_discard"), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        // the update of a row never inserted finds nothing to change: its images are discarded as well
        assertThat(target.queryForList("SELECT DISTINCT column_name, split_part(reason, ':', 1), split_part("
                + "trim(leading '[' from row_data), ',', 1) FROM discarding.discarded_row WHERE table_name ="
                + " 'legacy_discard' AND binlog_file IS NOT NULL ORDER BY 3")).containsExactly(
                List.of("born", "zero_date", "2"), List.of("updated", "zero_date", "4"),
                List.of("born", "zero_date", "5"));
    }

    @Test
    void errorStopsTheReplicaNamingTableAndColumn(MariaDbDatabase source, PostgresDatabase target,
                                                 @TempDir Path home) throws InterruptedException {
        TestConfig base = TestConfig.between(source, target).set("CATALOGUE", "stopping")
                .set("PG_SCHEMA", "legacy_stopping");
        String discarding = base.set("BAD_VALUE_POLICY", "discard").write(home, "stopping-discard").toString();
        ReplicaHarness.initAndStart(discarding, target).close(); // the copy has zero dates: error would stop it
        String stopping = base.set("BAD_VALUE_POLICY", "error").write(home, "stopping-error").toString();
        try (ReplicaHarness replica = ReplicaHarness.start(stopping, target)) {
            source.execute("SET SESSION sql_mode = ''", "INSERT INTO legacy_error SELECT * FROM legacy WHERE id = 1",
                    "INSERT INTO legacy_error SELECT * FROM legacy WHERE id = 2");

            Eventually.equals(List.of(List.of("error")),
                    () -> target.queryForList("SELECT status::text FROM stopping.source"), DEADLINE);
            Eventually.equals(true, () -> replica.failure() != null, DEADLINE);
            // a data error, not a connection problem: start_replica exits with the data code
            assertThat(((ChameleonException) replica.failure()).exitStatus()).isEqualTo(ExitStatus.DATA);
        }
        assertThat((String) target.queryForList("SELECT status_detail FROM stopping.source").get(0).get(0))
                .contains("legacy_error", "column born", "bad_value_policy is error");
        assertThat(target.queryForList("SELECT count(*) FROM stopping.discarded_row WHERE table_name ="
                + " 'legacy_error'")).containsExactly(List.of(0L));
    }

    @Test
    void tablesCreatedByDdlMapTimesAndZeroDatesAsTheCopyDoes(MariaDbDatabase source, PostgresDatabase target,
                                                            @TempDir Path home)
            throws IOException, InterruptedException {
        Path config = Path.of(TestConfig.between(source, target).set("CATALOGUE", "creating")
                .set("PG_SCHEMA", "legacy_creating").write(home, "creating").toString());
        Files.writeString(config, Files.readAllLines(config).stream()
                .filter(line -> !line.contains("bad_value_policy")).collect(Collectors.joining("\n", "", "\n")));
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config.toString(), target)) {
            List<String> copied = rowTexts(target, "legacy_creating", "legacy");
            source.execute("SET SESSION sql_mode = ''", "CREATE TABLE legacy_created LIKE legacy",
                    "INSERT INTO legacy_created SELECT * FROM legacy");

            Eventually.equals(copied, () -> target.queryForList("SELECT count(*) FROM pg_tables WHERE schemaname ="
                    + " 'legacy_creating' AND tablename = 'legacy_created'").get(0).get(0).equals(1L)
                    ? rowTexts(target, "legacy_creating", "legacy_created") : List.of(), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        assertThat(target.queryForList("SELECT attname::text, format_type(atttypid, atttypmod), attnotnull"
                + " FROM pg_attribute WHERE attrelid = 'legacy_creating.legacy_created'::regclass AND attnum > 0"
                + " ORDER BY attnum")).containsExactly(List.of("id", "integer", true), List.of("born", "date", false),
                List.of("updated", "timestamp(3) without time zone", false), List.of("t", "interval(6)", false),
                List.of("note", "character varying(20)", false));
    }
}
