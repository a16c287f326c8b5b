package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three sources replicated on one host into one catalogue, each by its own process, each source under a
 * workload. The third is made to fail for good (a replayed update breaks a constraint under on_error_replay:
 * exit): its process stops in error, and the other two keep replicating. show_status lists every source, and the
 * host and pid of each process.
 */
@RealServers
class ManySourcesIT {

    private static final int SOURCES = 3;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    @Test
    void oneFailingSourceLeavesTheOthersReplicating(MariaDbDatabase database, PostgresDatabase target,
                                                    @TempDir Path home) throws Exception {
        List<MariaDbDatabase> sources = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        List<ReplicaJar> replicas = new ArrayList<>();
        List<MixedWorkload> workloads = new ArrayList<>();
        try {
            for (int i = 1; i <= SOURCES; i++) {
                MariaDbDatabase db = database.server().createDatabase(database.name() + "_" + i);
                sources.add(db);
                db.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
                Path config = TestConfig.between(db, target).set("SOURCE", "s" + i).set("PG_SCHEMA", "s" + i)
                        .set("HEALTH_PORT", Integer.toString(freePort()))
                        .write(Files.createDirectories(home.resolve("s" + i)), "many");
                if (i == SOURCES) {
                    Files.writeString(config, Files.readString(config).replace("on_error_replay: continue",
                            "on_error_replay: exit"));
                }
                configs.add(config);
                if (i == 1) {
                    assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode())
                            .isZero();
                }
                CliRunner.Result add = CliRunner.run("add_source", "--config", config.toString(), "--source", "s" + i);
                assertThat(add.exitCode()).as(add.err()).isZero();
                CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source",
                        "s" + i);
                assertThat(init.exitCode()).as(init.err()).isZero();
            }
            for (int i = 1; i <= SOURCES; i++) {
                replicas.add(ReplicaJar.startSource("s" + i, configs.get(i - 1), home.resolve("s" + i + ".log"),
                        "-Xmx192m").awaitRunning(START));
                workloads.add(new MixedWorkload(sources.get(i - 1), Duration.ofMillis(10)));
            }
            Eventually.equals(true, () -> {
                String shown = CliRunner.run("show_status", "--config", configs.get(0).toString()).out();
                // a process registers before its first status write: wait for both, as an operator would
                return replicas.stream().allMatch(r -> shown.contains(" " + r.pid() + " "))
                        && shown.lines().filter(l -> l.matches("\\d+\\s+s\\d+\\s+mysql\\s+running\\s.*")).count() == SOURCES;
            }, Duration.ofSeconds(90)); // three JVMs starting on two loaded cores register slowly
            String status = CliRunner.run("show_status", "--config", configs.get(0).toString()).out();
            for (int i = 1; i <= SOURCES; i++) {
                int n = i;
                assertThat(status.lines().filter(l -> l.matches("\\d+\\s+s" + n + "\\s+mysql\\s+running\\s.*")))
                        .as(status).hasSize(1);
                assertThat(status.lines().filter(l -> l.matches("s" + n + "\\s+active\\s+\\S+\\s+"
                        + replicas.get(n - 1).pid() + "\\s.*"))).as(status).hasSize(1);
            }

            // the third source's next update of accounts cannot be replayed: its replica stops in error
            target.execute("ALTER TABLE s3.accounts ADD CONSTRAINT frozen CHECK (version = 0) NOT VALID");
            int exit = replicas.get(2).awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(replicas.get(2).output()).isNotZero();
            Eventually.equals(true, () -> CliRunner.run("show_status", "--config", configs.get(0).toString()).out()
                    .lines().anyMatch(l -> l.matches("\\d+\\s+s3\\s+mysql\\s+error\\s.*")), Duration.ofSeconds(30));

            // the other two go on: their workloads still reach their targets
            for (int i = 0; i < 2; i++) {
                workloads.get(i).close();
            }
            for (int i = 0; i < 2; i++) {
                assertThat(replicas.get(i).isAlive()).as(replicas.get(i).output()).isTrue();
                for (TableDigest table : MixedWorkload.TABLES) {
                    MariaDbDatabase db = sources.get(i);
                    String schema = "s" + (i + 1);
                    Eventually.equals(table.ofSource(db), () -> table.ofTarget(target, schema), CATCH_UP);
                }
            }
            String after = CliRunner.run("show_status", "--config", configs.get(0).toString()).out();
            System.out.println("[many] show_status after the third source failed:\n" + after);
            assertThat(after.lines().filter(l -> l.matches("\\d+\\s+s[12]\\s+mysql\\s+running\\s.*"))).hasSize(2);
        } finally {
            for (MixedWorkload workload : workloads) {
                try {
                    workload.close();
                } catch (RuntimeException ignored) {
                    // closed above, or failed: the assertions say what matters
                }
            }
            for (ReplicaJar replica : replicas) {
                replica.close();
            }
            for (MariaDbDatabase db : sources) {
                database.server().dropDatabase(db.name());
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
