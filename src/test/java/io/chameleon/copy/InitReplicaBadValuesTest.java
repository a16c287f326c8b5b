package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.chameleon.testsupport.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero dates and TIME values beyond 24 h met by init_replica, under each bad_value_policy. Each test uses its own
 * catalogue and destination schema in the class's PostgreSQL database.
 */
@RealServers
class InitReplicaBadValuesTest {

    @BeforeAll
    static void legacyRows(MariaDbDatabase source) {
        source.execute("SET SESSION sql_mode = ''", // what lets MariaDB store zero dates
                "CREATE TABLE legacy_dates (id INT PRIMARY KEY, born DATE, updated DATETIME NOT NULL, opened TIME,"
                        + " note VARCHAR(20))",
                "INSERT INTO legacy_dates VALUES (1, '2020-01-31', '2020-01-31 10:00:00', '10:00:00', 'fine'),"
                        + " (2, '0000-00-00', '2020-01-31 10:00:00', '10:00:00', 'zero date'),"
                        + " (3, '2020-01-31', '2020-01-31 10:00:00', '838:59:59', 'long time'),"
                        + " (4, '2020-01-31', '0000-00-00 00:00:00', '10:00:00', 'zero not null')");
    }

    private static String config(MariaDbDatabase source, PostgresDatabase target, Path home, String catalogue,
                                 String policy) {
        return TestConfig.between(source, target).set("CATALOGUE", catalogue).set("PG_SCHEMA", "legacy_" + catalogue)
                .set("BAD_VALUE_POLICY", policy).write(home, catalogue + "-" + policy).toString();
    }

    private static CliRunner.Result initReplica(String config) {
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        return CliRunner.run("init_replica", "--config", config, "--source", "shop");
    }

    @Test
    void discardLeavesBadRowsOutAndRecordsTableColumnAndReason(MariaDbDatabase source, PostgresDatabase target,
                                                               @TempDir Path home) {
        CliRunner.Result init = initReplica(config(source, target, home, "discarding", "discard"));

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT id FROM legacy_discarding.legacy_dates")).containsExactly(List.of(1));
        assertThat(target.queryForList("SELECT table_name, column_name, split_part(reason, ':', 1),"
                + " row_data::jsonb ->> 'id' FROM discarding.discarded_row ORDER BY 4")).containsExactly(
                List.of("legacy_dates", "born", "zero_date", "2"),
                List.of("legacy_dates", "opened", "time_out_of_range", "3"),
                List.of("legacy_dates", "updated", "zero_date", "4"));
        assertThat(target.queryForList("SELECT copied_rows FROM discarding.replicated_table"))
                .containsExactly(List.of(1L));
    }

    @Test
    void nullKeepsTheRowWithoutTheValueButDiscardsItFromANotNullColumn(MariaDbDatabase source,
                                                                       PostgresDatabase target, @TempDir Path home) {
        CliRunner.Result init = initReplica(config(source, target, home, "nulling", "null"));

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT id, born::text, updated::text, opened::text, note"
                + " FROM legacy_nulling.legacy_dates ORDER BY id")).containsExactly(
                List.of(1, "2020-01-31", "2020-01-31 10:00:00", "10:00:00", "fine"),
                row(2, null, "2020-01-31 10:00:00", "10:00:00", "zero date"),
                row(3, "2020-01-31", "2020-01-31 10:00:00", null, "long time"));
        assertThat(target.queryForList("SELECT table_name, column_name, split_part(reason, ':', 1)"
                + " FROM nulling.discarded_row")).containsExactly(List.of("legacy_dates", "updated", "zero_date"));
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
        assertThat(target.queryForList("SELECT id FROM legacy_stopping.legacy_dates")).containsExactly(List.of(1));
    }
}
