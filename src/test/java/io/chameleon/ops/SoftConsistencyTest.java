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
 * Invariant 5: init_replica while the source is written, then start_replica. Each table skips the events its copy
 * already holds, the target ends equal to the source, and the source is marked consistent once the stream has
 * passed the high-watermark taken after the copy.
 */
@RealServers
class SoftConsistencyTest {

    @Test
    void aCopyTakenUnderWritesBecomesConsistentOnceReplicated(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        source.execute("INSERT INTO bulk SELECT seq, seq, 'seed' FROM seq_1_to_100000");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "bank").set("COPY_WORKERS", "1")
                .write(home, "soft").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(2));
        try {
            Eventually.equals(true, () -> workload.transactions() >= 50, Duration.ofSeconds(60));
            CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
            assertThat(init.exitCode()).as(init.err()).isZero();
            assertThat(consistent(target)).as("consistent right after a copy taken under writes").isFalse();
            try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
                long atStart = workload.transactions();
                Eventually.equals(true, () -> workload.transactions() >= atStart + 200, Duration.ofSeconds(60));
                workload.close();

                for (TableDigest table : MixedWorkload.TABLES) {
                    List<String> expected = table.ofSource(source);
                    Eventually.equals(expected, () -> table.ofTarget(target, "bank"), Duration.ofMinutes(3));
                }
                Eventually.equals("Yes", () -> consistentColumn(config), Duration.ofSeconds(60));
                assertThat(replica.failure()).isNull();
            }
        } finally {
            workload.close();
        }
    }

    private static boolean consistent(PostgresDatabase target) {
        return (Boolean) target.queryForList("SELECT consistent FROM chameleon_catalogue.source").get(0).get(0);
    }

    /** The Consistent column of show_status for source shop. */
    private static String consistentColumn(String config) {
        CliRunner.Result shown = CliRunner.run("show_status", "--config", config, "--source", "shop");
        String row = shown.out().lines().filter(l -> l.matches("\\d+\\s+shop\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for shop in:\n" + shown.out() + shown.err()));
        return row.split("\\s{2,}")[4];
    }
}
