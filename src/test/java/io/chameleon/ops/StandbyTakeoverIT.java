package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes of one source (packaged jar, own pid dir and health port each, as on two hosts): one is active,
 * the other stands by (show_status, readiness). The active one is killed with SIGKILL ten times during a mixed
 * workload, alternating between the two, and restarted as the new standby; each time the standby takes over
 * within 10 s. In the end the target equals the source row for row and the change log holds every committed row
 * change exactly once.
 */
@RealServers
class StandbyTakeoverIT {

    private static final int KILLS = 10;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theStandbyTakesOverFromAKilledActiveProcessLosingAndRepeatingNothing(MariaDbDatabase source,
                                                                              PostgresDatabase target,
                                                                              @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        source.execute("CREATE TABLE marks (id INT PRIMARY KEY)");
        TestConfig settings = TestConfig.between(source, target).set("PG_SCHEMA", "bank");
        Node[] nodes = new Node[2];
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createDirectories(home.resolve("host-" + i));
            int port = freePort();
            nodes[i] = new Node(settings.set("HEALTH_PORT", Integer.toString(port)).write(dir, "standby"), port,
                    dir.resolve("replica.log"));
        }
        Path config = nodes[0].config;
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        ChangeLogAudit audit = new ChangeLogAudit(target);
        List<Long> takeoverMillis = new ArrayList<>();
        List<Long> firstRowMillis = new ArrayList<>();

        MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(3));
        try {
            nodes[0].replica = ReplicaJar.start(nodes[0].config, nodes[0].log, "-Xmx256m").awaitRunning(START);
            nodes[1].replica = ReplicaJar.start(nodes[1].config, nodes[1].log, "-Xmx256m").awaitStandby(START);
            assertRoles(config, nodes[0], nodes[1]);

            for (int kill = 0; kill < KILLS; kill++) {
                Node active = nodes[kill % 2];
                Node standby = nodes[(kill + 1) % 2];
                assertThat(active.replica.active()).as("round %d: the process expected active is:%n%s", kill,
                        active.replica.output()).isTrue();
                Thread.sleep(500 + kill * 150L); // different moments of the workload
                active.replica.kill9();
                long killedAt = System.nanoTime();
                int mark = kill + 1;
                source.execute("INSERT INTO marks VALUES (" + mark + ")");
                standby.replica.awaitRunning(TAKEOVER_LIMIT.plusSeconds(5));
                long takeover = (System.nanoTime() - killedAt) / 1_000_000;
                Eventually.equals(1L, () -> (long) target.queryForList("SELECT count(*) FROM bank.marks WHERE id = "
                        + mark).get(0).get(0), Duration.ofSeconds(60));
                long firstRow = (System.nanoTime() - killedAt) / 1_000_000;
                takeoverMillis.add(takeover);
                firstRowMillis.add(firstRow);
                System.out.printf("[takeover] kill %d of pid %d: standby pid %d active after %d ms, first row"
                        + " after the kill replicated after %d ms%n", mark, active.replica.pid(),
                        standby.replica.pid(), takeover, firstRow);
                active.replica.close();
                active.replica = ReplicaJar.start(active.config, active.log, "-Xmx256m").awaitStandby(START);
                if (kill == 0) {
                    assertRoles(config, standby, active);
                }
            }
        } finally {
            workload.close();
        }
        long expectedChanges = workload.changes();
        try {
            for (TableDigest table : MixedWorkload.TABLES) {
                Eventually.equals(table.ofSource(source), () -> table.ofTarget(target, "bank"), CATCH_UP);
            }
            Eventually.equals(0L, audit::pendingBatches, CATCH_UP);
        } finally {
            for (Node node : nodes) {
                node.replica.close();
            }
        }
        System.out.printf("[takeover] %d kills: standby active after %s ms (max %d); first row after the kill on"
                        + " the target after %s ms; %d row changes committed, %d logged%n", KILLS, takeoverMillis,
                takeoverMillis.stream().mapToLong(Long::longValue).max().orElse(0), firstRowMillis,
                expectedChanges, audit.loggedRows());
        assertThat(takeoverMillis).hasSize(KILLS).allMatch(ms -> ms <= TAKEOVER_LIMIT.toMillis());
        assertThat(audit.loggedRows()).as("row changes in the change log = row changes committed on the source")
                .isEqualTo(expectedChanges + KILLS);
        assertThat(audit.overlappingBatches()).as("batches re-reading part of an earlier batch").isZero();
        assertThat(audit.duplicateLogRows()).as("log rows present twice").isZero();
        assertThat(audit.lastReplayedBatch()).as("replay marker").isEqualTo(audit.lastCompleteBatch());
        assertThat(target.queryForList("SELECT count(DISTINCT epoch) FROM chameleon_catalogue.log_batch"
                + " WHERE epoch IS NOT NULL").get(0).get(0)).as("epochs that logged batches")
                .isEqualTo((long) KILLS + 1);
    }

    /** show_status names the active process and the standby; readiness is UP on the active one only. */
    private static void assertRoles(Path config, Node active, Node standby) {
        Eventually.equals(true, () -> {
            String shown = CliRunner.run("show_status", "--config", config.toString()).out();
            return shown.lines().anyMatch(l -> l.matches("shop\\s+active\\s+\\S+\\s+" + active.replica.pid() + "\\s.*"))
                    && shown.lines().anyMatch(l -> l.matches("shop\\s+standby\\s+\\S+\\s+" + standby.replica.pid()
                    + "\\s.*"));
        }, Duration.ofSeconds(30));
        Eventually.equals(true, () -> get(active.healthPort, "/q/health/ready").startsWith("200 "),
                Duration.ofSeconds(60));
        // A restarted standby may still be starting its HTTP server: wait for an answer, then check it.
        Eventually.equals(true, () -> !get(standby.healthPort, "/q/health/ready").startsWith("no answer"),
                Duration.ofSeconds(60));
        assertThat(get(standby.healthPort, "/q/health/ready")).startsWith("503 ").contains("standby");
        assertThat(get(standby.healthPort, "/q/health/live")).startsWith("200 ").contains("standby");
        assertThat(get(active.healthPort, "/q/metrics")).containsPattern(activeGauge(active, "1.0"));
        assertThat(get(standby.healthPort, "/q/metrics")).containsPattern(activeGauge(standby, "0.0"));
    }

    /** The metrics name the host and pid that serve them, and whether that process is the active one. */
    private static String activeGauge(Node node, String value) {
        return "(?m)^chameleon_replica_active\\{host=\"[^\"]+\",pid=\"" + node.replica.pid()
                + "\",source=\"shop\"} " + java.util.regex.Pattern.quote(value) + "$";
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    /** One "host": its configuration (own pid dir and health port), log, and the replica process it runs now. */
    private static final class Node {
        final Path config;
        final int healthPort;
        final Path log;
        ReplicaJar replica;

        Node(Path config, int healthPort, Path log) {
            this.config = config;
            this.healthPort = healthPort;
            this.log = log;
        }
    }
}
