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
 * A CREATE TABLE in a replicated schema that the reader cannot translate never drops a table silently: the table is
 * built from the source's catalogue (and that is said in show_errors), or, where that cannot be done either, it is
 * reported in show_status and show_errors.
 */
@RealServers
class UntranslatableCreateTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aCreateTheGrammarRejectsIsBuiltFromTheSourceOrReported(MariaDbDatabase source, PostgresDatabase target,
                                                                @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE steady (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_untr").set("PG_SCHEMA", "untr_s")
                .write(home, "untranslatable").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            // an application-time period: outside the grammar, but its rows are plain rows
            source.execute("CREATE TABLE periods (id INT PRIMARY KEY, s DATE, e DATE, PERIOD FOR app (s, e))",
                    "INSERT INTO periods VALUES (1, '2026-01-01', '2026-02-01'), (2, '2026-03-01', '2026-04-01')",
                    // system versioning: rows carry hidden columns the source's catalogue does not list
                    "CREATE TABLE versioned (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING",
                    "INSERT INTO versioned VALUES (1, 1)",
                    "INSERT INTO steady VALUES (1)");

            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM untr_s.steady"), DEADLINE);
            Eventually.equals(List.of(List.of(1, "2026-01-01", "2026-02-01"), List.of(2, "2026-03-01", "2026-04-01")),
                    () -> target.queryForList("SELECT id, s::text, e::text FROM untr_s.periods ORDER BY id"),
                    DEADLINE);
            Eventually.equals(List.of(List.of("periods", "01000"), List.of("versioned", "0A000")),
                    () -> target.queryForList("SELECT table_name, sqlstate FROM cat_untr.replay_error"
                            + " ORDER BY table_name, sqlstate"), DEADLINE);
            assertThat(replica.failure()).isNull();

            String db = source.name();
            CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
            assertThat(status.out()).containsPattern(db + "\\.periods +untr_s\\.periods +replicating ")
                    .containsPattern(db + "\\.versioned +untr_s\\.versioned +not replicated: CREATE TABLE could not"
                            + " be translated: .*system-versioned tables");
            String errors = CliRunner.run("show_errors", "--config", config, "--source", "shop").out();
            assertThat(errors).contains("untr_s.periods", "untr_s.versioned");
            String versioned = (String) target.queryForList("SELECT error_message FROM cat_untr.replay_error"
                    + " WHERE table_name = 'versioned' AND sqlstate = '0A000'").get(0).get(0);
            // MariaDB lists a system-versioned table apart from base tables: the reader cannot build it either
            assertThat(versioned).contains("its CREATE statement could not be translated", "system-versioned",
                    "sync_tables --tables " + db + ".versioned");
            assertThat(target.queryForList("SELECT count(*) FROM pg_tables WHERE schemaname = 'untr_s' AND"
                    + " tablename = 'versioned'")).containsExactly(List.of(0L));
        }
    }
}
