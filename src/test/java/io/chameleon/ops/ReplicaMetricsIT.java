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

import static io.chameleon.ops.PrometheusText.value;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /q/metrics} of a running replica process (packaged jar): lag, positions and counters move with the writes. */
@RealServers
class ReplicaMetricsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsFollowTheWritesOfTheSource(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home)
            throws Exception {
        source.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40) NOT NULL)",
                "INSERT INTO notes VALUES (1, 'before the copy')");
        int port = freePort();
        Path config = TestConfig.between(source, target).set("HEALTH_PORT", Integer.toString(port))
                .write(home, "metrics");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        String notes = "source=\"shop\",table=\"" + source.name() + ".notes\"";

        try (ReplicaJar replica = ReplicaJar.start(config, home.resolve("replica.log")).awaitRunning(DEADLINE)) {
            source.execute("INSERT INTO notes VALUES (2, 'first')");
            Eventually.equals(1.0, () -> value(scrape(port), "chameleon_table_rows_applied_total", notes), DEADLINE);
            String first = scrape(port);
            double readPosition = value(first, "chameleon_read_binlog_position", "source=\"shop\"");
            double appliedPosition = value(first, "chameleon_applied_binlog_position", "source=\"shop\"");
            assertThat(value(first, "chameleon_read_binlog_file_index", "source=\"shop\"")).isPositive();
            assertThat(value(first, "chameleon_applied_binlog_file_index", "source=\"shop\"")).isPositive();
            assertThat(value(first, "chameleon_replay_lag_seconds", "source=\"shop\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(first, "chameleon_read_lag_seconds", "source=\"shop\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(first, "chameleon_rows_applied_total", "source=\"shop\"")).isEqualTo(1.0);
            assertThat(value(first, "chameleon_tables_disabled", "source=\"shop\"")).isZero();
            assertThat(value(first, "chameleon_replica_running", "source=\"shop\"")).isEqualTo(1.0);
            assertThat(first).contains("jvm_memory_used_bytes", "process_cpu_usage");

            source.execute("INSERT INTO notes VALUES (3, 'second'), (4, 'third')", "UPDATE notes SET body = 'x'");

            Eventually.equals(7.0, () -> value(scrape(port), "chameleon_table_rows_applied_total", notes), DEADLINE);
            String second = scrape(port);
            assertThat(value(second, "chameleon_rows_captured_total", "source=\"shop\"")).isEqualTo(7.0);
            assertThat(value(second, "chameleon_table_rows_captured_total", notes)).isEqualTo(7.0);
            assertThat(value(second, "chameleon_read_binlog_position", "source=\"shop\""))
                    .isGreaterThan(readPosition);
            assertThat(value(second, "chameleon_applied_binlog_position", "source=\"shop\""))
                    .isGreaterThan(appliedPosition);
            assertThat(value(second, "chameleon_transactions_applied_total", "source=\"shop\"")).isEqualTo(3.0);
            assertThat(value(second, "chameleon_batches_pending", "source=\"shop\"")).isZero();
        }
    }

    private static String scrape(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "status " + response.statusCode();
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
