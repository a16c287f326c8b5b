package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's view of a replica process (packaged jar): show_status while it runs, the health endpoints, what
 * show_status says after kill -9, start_replica after the crash, and a graceful stop_replica.
 */
@RealServers
class ReplicaLifecycleIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void statusAndHealthFollowTheReplicaThroughACrashAndAStop(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40) NOT NULL)",
                "INSERT INTO notes VALUES (1, 'before the copy')");
        int healthPort = freePort();
        Path config = TestConfig.between(source, target).set("HEALTH_PORT", Integer.toString(healthPort))
                .write(home, "lifecycle");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path log = home.resolve("replica.log");

        try (ReplicaJar replica = ReplicaJar.start(config, log).awaitRunning(DEADLINE)) {
            source.execute("INSERT INTO notes VALUES (2, 'while running')");
            Eventually.equals(List.of("2"), () -> ids(target), DEADLINE);

            Eventually.equals(List.of("running", "Yes", "lag", "lag"), () -> statusOf(config), DEADLINE);
            assertThat(get(healthPort, "/q/health/live")).startsWith("200 ").contains("\"UP\"");
            Eventually.equals(true, () -> get(healthPort, "/q/health/ready").startsWith("200 "), DEADLINE);
            assertThat(get(healthPort, "/q/health/ready")).contains("\"status\": \"UP\"");

            replica.kill9();

            assertThat(statusOf(config).get(0)).as("status after kill -9").isEqualTo("dead");
        }

        source.execute("INSERT INTO notes VALUES (3, 'while dead')");
        try (ReplicaJar restarted = ReplicaJar.start(config, log).awaitRunning(DEADLINE)) {
            Eventually.equals(List.of("2", "3"), () -> ids(target), DEADLINE);
            Eventually.equals("running", () -> statusOf(config).get(0), DEADLINE);

            CliRunner.Result stop = CliRunner.run("stop_replica", "--config", config.toString(), "--source", "shop");

            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(stop.out()).contains("(pid " + restarted.pid() + ") stopped");
            assertThat(restarted.awaitExit(DEADLINE)).as("exit status after SIGTERM").isZero();
            assertThat(statusOf(config).get(0)).isEqualTo("stopped");
        }

        try (ReplicaJar again = ReplicaJar.start(config, log).awaitRunning(DEADLINE)) {
            CliRunner.Result sync = CliRunner.run("sync_tables", "--config", config.toString(), "--source", "shop",
                    "--tables", source.name() + ".notes");

            assertThat(sync.exitCode()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("(pid " + again.pid() + ") stopped. sync_tables stops a running replica"
                    + " first; start it again with 'start_replica --source shop' after the copy.");
            assertThat(again.awaitExit(DEADLINE)).as("exit status of the replica stopped by sync_tables").isZero();
            assertThat(ids(target)).containsExactly("2", "3");
        }
    }

    private static List<String> ids(PostgresDatabase target) {
        return target.queryForList("SELECT id::text FROM shop.notes WHERE id > 1 ORDER BY id").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** Status and Consistent of show_status, and "lag" for each lag column that shows a duration. */
    private static List<String> statusOf(Path config) {
        CliRunner.Result shown = CliRunner.run("show_status", "--config", config.toString(), "--source", "shop");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        String row = shown.out().lines().filter(l -> l.matches("\\d+\\s+shop\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for shop in:\n" + shown.out()));
        List<String> cells = Arrays.asList(row.split("\\s{2,}"));
        return List.of(cells.get(3), cells.get(4), cells.get(5).matches("\\d+s|\\d+m\\d+s") ? "lag" : cells.get(5),
                cells.get(7).matches("\\d+s|\\d+m\\d+s") ? "lag" : cells.get(7));
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

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
