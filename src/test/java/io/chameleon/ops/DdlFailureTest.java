package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL that the replica cannot follow for one table, and rows that do not match the structure it knows, take that
 * table alone out of replication under on_error_replay: continue, with the reason recorded; the reader keeps
 * running and the other tables keep replicating.
 */
@RealServers
class DdlFailureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aStatementThatCannotBeAppliedDisablesOnlyItsTable(MariaDbDatabase source, PostgresDatabase target,
                                                           @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE fragile (id INT PRIMARY KEY, v INT)", "CREATE TABLE steady (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_fragile").set("PG_SCHEMA", "fragile_s")
                .write(home, "ddl-failure").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("INSERT INTO fragile VALUES (1, 1)",
                    // system versioning adds hidden columns to every row image: the statement cannot be applied
                    "ALTER TABLE fragile ADD COLUMN secret INT, ADD SYSTEM VERSIONING",
                    "INSERT INTO fragile (id, v, secret) VALUES (2, 2, 2)",
                    "INSERT INTO steady VALUES (1)");

            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM fragile_s.steady"), DEADLINE);
            Eventually.equals(List.of(List.of(false)), () -> target.queryForList("SELECT replica_enabled FROM"
                    + " cat_fragile.replicated_table WHERE table_name = 'fragile'"), DEADLINE);
            List<List<Object>> errors = target.queryForList("SELECT table_name, sqlstate, error_message FROM"
                    + " cat_fragile.replay_error");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).subList(0, 2)).containsExactly("fragile", "0A000");
            assertThat((String) errors.get(0).get(2)).contains("`fragile`", "could not be applied",
                    "sync_tables --tables " + source.name() + ".fragile");
            assertThat(target.queryForList("SELECT id, v FROM fragile_s.fragile")).containsExactly(List.of(1, 1));
            assertThat(replica.failure()).isNull();

            CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
            assertThat(status.exitCode()).as(status.err()).isZero();
            String db = source.name();
            assertThat(status.out()).containsPattern(db + "\\.fragile +fragile_s\\.fragile +disabled +0 +1 ")
                    .containsPattern(db + "\\.steady +fragile_s\\.steady +replicating +0 +1 +\\d{4}-")
                    .contains("Disabled tables: " + db + ".fragile (see show_errors")
                    .containsPattern("Errors and warnings on record: 1, the newest \\d{4}-.* \\(show_errors --source"
                            + " shop lists them\\)");
        }
    }

    @Test
    void rowsThatDoNotMatchTheKnownStructureAreNeverMisMapped(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE drift (id INT PRIMARY KEY, a INT, b INT)", "CREATE TABLE steady2 (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_drift").set("PG_SCHEMA", "drift_s")
                .write(home, "drift").toString();
        ReplicaHarness.initAndStart(config, target).close();
        // a known structure that lost a column, as a wrong model would have it
        target.execute("UPDATE cat_drift.schema_history SET structure = jsonb_set(structure, '{columns}',"
                + " (structure->'columns') - 2) WHERE table_name = 'drift'");

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO drift VALUES (1, 10, 100)", "INSERT INTO steady2 VALUES (1)");

            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM drift_s.steady2"), DEADLINE);
            Eventually.equals(List.of(List.of(false)), () -> target.queryForList("SELECT replica_enabled FROM"
                    + " cat_drift.replicated_table WHERE table_name = 'drift'"), DEADLINE);
            List<List<Object>> errors = target.queryForList("SELECT error_message FROM"
                    + " cat_drift.replay_error WHERE table_name = 'drift'");
            assertThat(errors).hasSize(1);
            assertThat((String) errors.get(0).get(0)).contains("table " + source.name() + ".drift at mysql-bin.",
                    "the binlog has [id, a, b], the known structure [id, a]");
            assertThat(target.queryForList("SELECT count(*) FROM drift_s.drift")).containsExactly(List.of(0L));
            assertThat(replica.failure()).isNull();
        }
    }
}
