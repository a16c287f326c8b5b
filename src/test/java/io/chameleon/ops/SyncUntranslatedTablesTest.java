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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sync_tables of a table whose CREATE the reader could not translate: an application-time period table is copied
 * and then replicates; a system-versioned one, which is not supported, is refused with why and the fix, instead of
 * "not found", and once the fix is taken on the source it is copied and replicates too.
 */
@RealServers
class SyncUntranslatedTablesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TARGET = "sync_untr_s";

    @Test
    void aPeriodTableIsCopiedAndReplicatesAndASystemVersionedOneIsRefusedWithTheFix(
            MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE steady (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_sync_untr").set("PG_SCHEMA", TARGET)
                .write(home, "sync_untranslated").toString();
        String db = source.name();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("CREATE TABLE periods (id INT PRIMARY KEY, s DATE, e DATE, PERIOD FOR app (s, e))",
                    "INSERT INTO periods VALUES (1, '2026-01-01', '2026-02-01')",
                    "CREATE TABLE versioned (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING",
                    "INSERT INTO versioned VALUES (1, 1)",
                    "INSERT INTO steady VALUES (1)");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM " + TARGET + ".steady"),
                    DEADLINE);
            assertThat(replica.failure()).isNull();
        } // sync_tables stops a running replica by its pid: this one runs in the test's JVM, so it is stopped first

        CliRunner.Result versioned = CliRunner.run("sync_tables", "--config", config, "--source", "shop",
                "--tables", db + ".versioned");
        assertThat(versioned.exitCode()).isNotZero();
        assertThat(versioned.err()).contains(db + ".versioned", "system-versioned",
                "ALTER TABLE `" + db + "`.`versioned` DROP SYSTEM VERSIONING", "skip_tables");
        assertThat(target.queryForList("SELECT count(*) FROM pg_tables WHERE schemaname = '" + TARGET + "'"
                + " AND tablename = 'versioned'")).containsExactly(List.of(0L));

        source.execute("INSERT INTO periods VALUES (2, '2026-03-01', '2026-04-01')");
        CliRunner.Result periods = CliRunner.run("sync_tables", "--config", config, "--source", "shop",
                "--tables", db + ".periods");
        assertThat(periods.exitCode()).as(periods.err()).isZero();
        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO periods VALUES (3, '2026-05-01', '2026-06-01')",
                    "UPDATE periods SET e = '2026-02-15' WHERE id = 1");
            TableContents expected = TableContents.ofSource(source, "periods");
            assertThat(expected.rows()).hasSize(3);
            Eventually.equals(expected, () -> TableContents.ofTarget(target, TARGET, "periods"), DEADLINE);
            assertThat(replica.failure()).isNull();
            String status = CliRunner.run("show_status", "--config", config, "--source", "shop").out();
            assertThat(status).containsPattern(Pattern.quote(db + ".periods") + " +"
                    + Pattern.quote(TARGET + ".periods") + " +replicating ");
            assertThat(status).containsPattern(Pattern.quote(db + ".versioned") + " +"
                    + Pattern.quote(TARGET + ".versioned") + " +not replicated: CREATE TABLE could not be translated: "
                    + ".*system-versioned tables");

            // the way out the refusal gives, taken while replicating
            source.execute("ALTER TABLE versioned DROP SYSTEM VERSIONING", "INSERT INTO steady VALUES (2)");
            Eventually.equals(List.of(List.of(1), List.of(2)),
                    () -> target.queryForList("SELECT id FROM " + TARGET + ".steady ORDER BY id"), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        CliRunner.Result unversioned = CliRunner.run("sync_tables", "--config", config, "--source", "shop",
                "--tables", db + ".versioned");
        assertThat(unversioned.exitCode()).as(unversioned.err()).isZero();
        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO versioned VALUES (2, 2)", "UPDATE versioned SET v = 10 WHERE id = 1");
            TableContents expected = TableContents.ofSource(source, "versioned");
            assertThat(expected.rows()).hasSize(2);
            Eventually.equals(expected, () -> TableContents.ofTarget(target, TARGET, "versioned"), DEADLINE);
            assertThat(replica.failure()).isNull();
            assertThat(CliRunner.run("show_status", "--config", config, "--source", "shop").out())
                    .containsPattern(Pattern.quote(db + ".versioned") + " +" + Pattern.quote(TARGET + ".versioned")
                            + " +replicating ");
        }
    }
}
