package io.chameleon.ops;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;
import io.chameleon.health.ReplicaLiveness;
import io.chameleon.health.ReplicaReadiness;
import io.chameleon.health.ReplicaRegistry;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure while handling one event never stalls a source silently: it is contained to its table (reported,
 * the other tables go on), or the replica stops in error with the position and the message where an operator
 * looks, or, for a failure that heals (a server briefly refusing), the restarts are counted and shown.
 */
@RealServers
class ReaderFailureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aViewWithAnAliasedColumnDoesNotStopTheReader(MariaDbDatabase source, PostgresDatabase target,
                                                      @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))");
        String config = config(source, target, home, "cat_view", "view_s");
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("CREATE VIEW v_items AS SELECT id i FROM items", "INSERT INTO items VALUES (1, 'after')");

            Eventually.equals(List.of(List.of(1, "after")),
                    () -> target.queryForList("SELECT id, name FROM view_s.items"), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
    }

    @Test
    void anUnexpectedFailureTranslatingOneStatementIsContainedToItsTable(MariaDbDatabase source,
                                                                        PostgresDatabase target,
                                                                        @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE fragile (id INT NOT NULL, v INT)", "CREATE TABLE steady (id INT PRIMARY KEY)");
        String config = config(source, target, home, "cat_contain", "contain_s");
        ReplicaHarness.initAndStart(config, target).close();
        // the reader's model of the key-less table has a type no mapping knows: nothing fails until a statement
        // makes the reader translate the table, which then throws where no code expects it
        target.execute("UPDATE cat_contain.schema_history SET structure = jsonb_set(jsonb_set(structure,"
                + " '{columns,1,dataType}', '\"nonsense\"'), '{columns,1,columnType}', '\"nonsense\"')"
                + " WHERE table_name = 'fragile'");

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO steady VALUES (1)", "ALTER TABLE fragile ADD PRIMARY KEY (id)",
                    "INSERT INTO fragile VALUES (1, 1)", "INSERT INTO steady VALUES (2)");

            Eventually.equals(List.of(List.of(1), List.of(2)),
                    () -> target.queryForList("SELECT id FROM contain_s.steady ORDER BY id"), DEADLINE);
            Eventually.equals(List.of(List.of(1L)), () -> target.queryForList("SELECT count(*) FROM"
                    + " cat_contain.replay_error"), DEADLINE);
            List<List<Object>> errors = target.queryForList("SELECT error_message FROM cat_contain.replay_error");
            assertThat(errors).hasSize(1);
            assertThat((String) errors.get(0).get(0)).contains("`fragile`", "could not be translated",
                    "UnsupportedTypeException", "sync_tables --tables " + source.name() + ".fragile");
            assertThat(replica.failure()).isNull();
            CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
            assertThat(status.out()).containsPattern(source.name() + "\\.fragile +contain_s\\.fragile +not replicated:"
                    + " its structure is unknown: the statement could not be applied: the statement could not be"
                    + " translated");
            assertThat(CliRunner.run("show_errors", "--config", config, "--source", "shop").out())
                    .contains("contain_s.fragile");
        }
    }

    @Test
    void aFailureThatCannotBeContainedStopsTheReplicaInErrorWithPositionAndMessage(MariaDbDatabase source,
                                                                                  PostgresDatabase target,
                                                                                  @TempDir Path home)
            throws Exception {
        source.execute("CREATE TABLE t_stop (id INT PRIMARY KEY)");
        String config = config(source, target, home, "cat_stop", "stop_s");
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("INSERT INTO t_stop VALUES (1)");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM stop_s.t_stop"),
                    DEADLINE);
            String before = (String) target.queryForList("SELECT binlog_file || ':' || binlog_position FROM"
                    + " cat_stop.read_position").get(0).get(0);
            // every attempt to move the read position now fails the same way: no retry can help
            refuseReadPositionUpdates(target, "cat_stop", "XX001");
            source.execute("INSERT INTO t_stop VALUES (2)");

            Eventually.equals(true, () -> replica.failure() != null, DEADLINE);
            assertThat(replica.failure().getMessage()).contains("reader", "injected failure");
            // nothing in the code expects this failure: the process exits as internal, not as a connection problem
            assertThat(((ChameleonException) replica.failure()).exitStatus()).isEqualTo(ExitStatus.INTERNAL);
            HealthCheckResponse live = new ReplicaLiveness(registryOf(replica)).call();
            assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(live.getData().orElseThrow().get("failure").toString()).contains("reader: ", "injected failure");

            CliRunner.Result status = CliRunner.run("show_status", "--config", config);
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).containsPattern("shop +mysql +error ")
                    .contains("shop: reader: ", "injected failure", "(read position " + before);
            CliRunner.Result errors = CliRunner.run("show_errors", "--config", config, "--source", "shop");
            assertThat(errors.out()).contains(before);
            List<List<Object>> recorded = target.queryForList("SELECT sqlstate, error_message,"
                    + " binlog_file || ':' || binlog_position FROM cat_stop.replay_error");
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).get(0)).isEqualTo("XX001");
            assertThat((String) recorded.get(0).get(1)).contains("replica stopped: reader: ", "injected failure");
            assertThat(recorded.get(0).get(2)).isEqualTo(before);
        }
    }

    @Test
    void restartsAfterPassingFailuresAreCountedAndShownUntilTheReaderMovesOn(MariaDbDatabase source,
                                                                            PostgresDatabase target,
                                                                            @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE t_restart (id INT PRIMARY KEY)");
        String config = config(source, target, home, "cat_restart", "restart_s");
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            // 53300 too_many_connections: a failure that heals, so the reader retries it
            refuseReadPositionUpdates(target, "cat_restart", "53300");
            source.execute("INSERT INTO t_restart VALUES (1)");

            Eventually.equals(true, () -> new ReplicaReadiness(registryOf(replica)).call().getData().orElseThrow()
                    .containsKey("restarting"), DEADLINE);
            assertThat(new ReplicaReadiness(registryOf(replica)).call().getStatus())
                    .isEqualTo(HealthCheckResponse.Status.DOWN);
            Eventually.equals(true, () -> CliRunner.run("show_status", "--config", config).out()
                    .matches("(?s).*shop: reader restarting: [2-9]\\d* restarts at \\S+:\\d+ since .*injected failure.*"),
                    DEADLINE);
            String shown = CliRunner.run("show_status", "--config", config).out();
            assertThat(shown).containsPattern("shop +mysql +running ");
            assertThat(replica.failure()).isNull();

            target.execute("DROP TRIGGER refuse ON cat_restart.read_position");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM restart_s.t_restart"),
                    DEADLINE);
            Eventually.equals(true, () -> !CliRunner.run("show_status", "--config", config).out().contains("restarting"),
                    DEADLINE);
            assertThat(new ReplicaReadiness(registryOf(replica)).call().getData().orElseThrow())
                    .doesNotContainKey("restarting");
            assertThat(replica.failure()).isNull();
        }
    }

    private static ReplicaRegistry registryOf(ReplicaHarness replica) {
        ReplicaRegistry registry = new ReplicaRegistry();
        registry.register(replica.components());
        return registry;
    }

    private static void refuseReadPositionUpdates(PostgresDatabase target, String catalogue, String sqlState) {
        target.execute("CREATE FUNCTION " + catalogue + ".refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION USING ERRCODE = '" + sqlState + "', MESSAGE = 'injected failure'; END $$",
                "CREATE TRIGGER refuse BEFORE UPDATE ON " + catalogue + ".read_position FOR EACH ROW EXECUTE"
                        + " FUNCTION " + catalogue + ".refuse()");
    }

    private static String config(MariaDbDatabase source, PostgresDatabase target, Path home, String catalogue,
                                 String schema) {
        return TestConfig.between(source, target).set("CATALOGUE", catalogue).set("PG_SCHEMA", schema)
                .write(home, catalogue).toString();
    }
}
