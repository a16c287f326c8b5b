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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * log_dest: file — the packaged replica logs into {@code <log_dir>/<configuration>_<source>.log} (rotated daily,
 * log_days_keep kept), not on its standard output, which keeps only what the process prints itself.
 */
@RealServers
class ReplicaLogFileIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void aReplicaWithLogDestFileLogsIntoItsFile(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home)
            throws Exception {
        source.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
        Path config = TestConfig.between(source, target).set("LOG_DEST", "file").write(home, "logged");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop",
                "--foreground");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path printed = home.resolve("printed.out");
        Path logFile = home.resolve("logs").resolve("logged_shop.log");

        try (ReplicaJar replica = ReplicaJar.start(config, printed).awaitRunning(DEADLINE)) {
            source.execute("INSERT INTO notes VALUES (1)");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM shop.notes"), DEADLINE);
            Eventually.equals(true, () -> Files.exists(logFile) && read(logFile).contains("reader starting source=shop"),
                    DEADLINE);
            CliRunner.Result stop = CliRunner.run("stop_replica", "--config", config.toString(), "--source", "shop");
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(replica.awaitExit(DEADLINE)).isZero();
            assertThat(replica.output()).contains("Replica of source shop running")
                    .doesNotContain("reader starting source=shop");
        }
        assertThat(read(logFile)).contains("signal SIGTERM received");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
