package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.LocalMariaDb;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.MariaDbServer;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * start_replica in the background, typed as an operator would (the packaged program, log_dest: file): the command
 * starts the replica's process at once and that process runs the checks. A refusal is still the command's answer: its
 * words and its exit status, not an earlier run's; a start returns the pid of the process that replicates.
 */
@RealServers
class BackgroundReplicaStartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Pattern STARTED = Pattern.compile("Replica of source shop started in the background"
            + " \\(pid (\\d+)\\)\\.");

    @Test
    void aFailingPreflightOfTheBackgroundProcessIsTheCommandsAnswer(PostgresDatabase target, @TempDir Path home)
            throws Exception {
        MariaDbServer wrong = LocalMariaDb.start(null, List.of("--binlog-format=STATEMENT"));
        try {
            MariaDbDatabase source = wrong.createDatabase("background_wrong");
            source.execute("CREATE TABLE keyed (id INT PRIMARY KEY)");
            // the class's tests share the target database: a catalogue of its own
            String config = TestConfig.between(source, target).set("LOG_DEST", "file").set("CATALOGUE", "cat_refused")
                    .write(home, "refused").toString();
            assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
            assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
            // the process's output file is appended to run after run: an earlier run's words are not this one's
            Path output = home.resolve("logs/refused_shop.out");
            Files.createDirectories(output.getParent());
            Files.writeString(output, "ERROR: what an earlier run said\n");

            Run refused = launch(home, "start_replica", "--config", config, "--source", "shop");
            System.out.println("start_replica refused in the background:\n" + refused);

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
            assertThat(refused.err()).contains("ERROR: start_replica refused: source shop is not ready",
                    "'chameleon check --source shop'", "mysql binlog_format: STATEMENT; fix: chameleon needs ROW");
            assertThat(refused.err()).doesNotContain("what an earlier run said");
            // the process warns as the command did (running as root, as tests may): said once
            assertThat(refused.err().lines().filter(line -> line.contains("chameleon is running as root")))
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(refused.out()).doesNotContain("started in the background");
            assertThat(home.resolve("pid/shop.pid")).doesNotExist();
        } finally {
            wrong.stop();
        }
    }

    @Test
    void aStartReturnsThePidOfTheProcessThatReplicates(MariaDbDatabase source, PostgresDatabase target,
                                                       @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
        Path file = TestConfig.between(source, target).set("LOG_DEST", "file").set("PG_SCHEMA", "shop")
                .write(home, "started");
        String config = file.toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop", "--foreground");
        assertThat(init.exitCode()).as(init.err()).isZero();
        // an edited mapping: the process's check warns, and the command passes the warning on
        Files.writeString(file, Files.readString(file).replace(source.name() + ": shop", source.name() + ": shop_v2"));

        Run started = launch(home, "start_replica", "--config", config, "--source", "shop");

        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.err()).contains("WARNING: source shop: schema_mappings in the configuration differ from "
                + "the catalogue's (" + source.name() + ": shop -> shop_v2 (renamed))");
        Matcher pid = STARTED.matcher(started.out());
        assertThat(pid.find()).as(started.toString()).isTrue();
        ProcessHandle replica = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow(
                () -> new AssertionError("no process " + pid.group(1) + ":\n" + started));
        try {
            assertThat(Files.readString(home.resolve("pid/shop.pid")).trim()).isEqualTo(pid.group(1));
            assertThat(started.err()).contains("Logging to " + home.resolve("logs/started_shop.log"));
            source.execute("INSERT INTO notes VALUES (1)");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM shop.notes"), DEADLINE);

            // a second start is refused by the command itself, before it starts anything
            Run second = launch(home, "start_replica", "--config", config, "--source", "shop");
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(5);
            assertThat(second.err()).contains("source shop is already replicated by process " + pid.group(1)
                    + "; stop it first with 'stop_replica --source shop'");

            CliRunner.Result stop = CliRunner.run("stop_replica", "--config", config, "--source", "shop");
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            replica.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            replica.destroyForcibly();
        }
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The packaged program, as typed: its own JVM, stdin from /dev/null. */
    private static Run launch(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", ReplicaJar.APP.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not return within " + DEADLINE);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
