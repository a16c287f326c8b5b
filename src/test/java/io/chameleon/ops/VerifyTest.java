package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify against a replica that receives a steady mixed workload: no difference over several runs while the
 * writes go on, then exactly the three rows changed behind replication's back in PostgreSQL.
 */
@RealServers
class VerifyTest {

    @Test
    void findsNothingWhileWritesGoOnThenExactlyTheRowsChangedInPostgres(MariaDbDatabase source,
                                                                          PostgresDatabase target,
                                                                          @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        source.execute("CREATE TABLE quiet (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL, at DATETIME(3),"
                        + " ratio FLOAT, flags SET('a','b','c'))",
                "INSERT INTO quiet SELECT seq, CONCAT('row ', seq), '2024-02-29 12:34:56.789', seq / 7, 'a,c'"
                        + " FROM seq_1_to_300");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "bank").write(home, "verify")
                .toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(5));
            try {
                List<String> outputs = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    CliRunner.Result clean = verify(config, "--chunk-rows", "500");
                    outputs.add(clean.out());
                    assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
                    assertThat(clean.out()).contains("no differences.");
                }
                assertThat(workload.transactions()).as("the workload ran during the checks").isPositive();

                target.execute("UPDATE bank.quiet SET label = 'changed' WHERE id = 5",
                        "DELETE FROM bank.quiet WHERE id = 6",
                        "INSERT INTO bank.quiet VALUES (1000, 'only in postgres', NULL, NULL, NULL)");
                CliRunner.Result found = verify(config, "--chunk-rows", "100", "--wait", "20");

                assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(6);
                String quiet = source.name() + ".quiet";
                assertThat(found.out().lines().filter(l -> l.startsWith("    ")).map(String::trim).toList())
                        .containsExactlyInAnyOrder("different " + quiet + " id=5", "missing   " + quiet + " id=6",
                                "extra     " + quiet + " id=1000");
                assertThat(found.out()).contains("3 rows differ (1 missing, 1 extra, 1 different) in 1 tables.");
            } finally {
                workload.close();
            }
            assertThat(replica.failure()).isNull();
        }
    }

    private static CliRunner.Result verify(String config, String... options) {
        List<String> args = new ArrayList<>(List.of("verify", "--config", config, "--source", "shop"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        System.out.println(result.out());
        return result;
    }
}
