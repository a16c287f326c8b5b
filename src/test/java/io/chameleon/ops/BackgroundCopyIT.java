package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
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
 * init_replica in the background, typed as an operator would (scripts/chameleon, log_dest: file): it returns at once
 * with the copy's pid; show_status shows the copy's progress while it runs and how it ended; a second copy of the
 * source is refused meanwhile; the replica then starts from the copy's coordinates. A copy killed with SIGKILL is
 * shown as killed, leaves the published tables as they were, and the next init_replica succeeds.
 */
@RealServers
class BackgroundCopyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final Path LAUNCHER = Path.of("scripts", "chameleon");
    /** Enough rows for a copy of several seconds, so that show_status can be seen while it runs. */
    private static final int ROWS = 1_500_000;
    private static final Pattern STARTED = Pattern.compile("init_replica of source shop started in the background"
            + " \\(pid (\\d+)\\)");

    @Test
    void initReplicaRunsInTheBackgroundAndAKilledCopyIsShownAndRedone(MariaDbDatabase source,
                                                                      PostgresDatabase target,
                                                                      @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE big (id INT PRIMARY KEY, body VARCHAR(250) NOT NULL)",
                "INSERT INTO big SELECT seq, repeat('x', 100) FROM seq_1_to_" + ROWS);
        Path config = TestConfig.between(source, target).set("LOG_DEST", "file").set("COPY_WORKERS", "1")
                .write(home, "background");
        String cfg = config.toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", cfg).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", cfg, "--source", "shop").exitCode()).isZero();
        launch(home, "--version"); // the launcher's first run records its class-data archive
        Launched version = launch(home, "--version");
        System.out.printf("chameleon --version (JVM start-up, for comparison) returned in %d ms%n", version.millis());

        Launched first = launch(home, "init_replica", "--config", cfg, "--source", "shop");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        long pid = pidOf(first);
        System.out.printf("init_replica (background) returned in %d ms (typed through scripts/chameleon)%n",
                first.millis());
        assertThat(first.millis()).as("init_replica returns without waiting for the copy").isLessThan(5_000);
        assertThat(first.err()).contains("Logging to " + home.resolve("logs/background_shop_copy.log"));
        assertThat(Files.readString(home.resolve("pid/shop_copy.pid")).trim()).isEqualTo(Long.toString(pid));

        Eventually.equals(true, () -> status(cfg).contains("shop: init_replica running (pid " + pid + " on "),
                DEADLINE);
        Launched second = launch(home, "init_replica", "--config", cfg, "--source", "shop");
        assertThat(second.exitCode()).isEqualTo(5);
        assertThat(second.err()).contains("a copy of source shop is already running: it is copied by process " + pid);
        source.execute("INSERT INTO big VALUES (" + (ROWS + 1) + ", 'during the copy')");
        Eventually.equals(true, () -> status(cfg).matches("(?s).*shop: init_replica running .*: \\d/1 tables,"
                + " [\\d,]*[1-9][\\d,]* of ~[\\d,]+ rows, [\\d.]+ [KMG]iB, [\\d,]+ rows/s, [\\d.]+ [KMG]iB/s.*"),
                DEADLINE);
        String running = status(cfg);
        System.out.println("show_status while copying:\n" + running);

        awaitExit(pid);
        String finished = status(cfg);
        System.out.println("show_status after the copy:\n" + finished);
        assertThat(finished).contains("shop: last copy init_replica finished", "1/1 tables, ");
        assertThat(Files.exists(home.resolve("pid/shop_copy.pid"))).isFalse();
        assertThat(Files.readString(home.resolve("logs/background_shop_copy.log"))).contains("Copied 1 tables");

        source.execute("INSERT INTO big VALUES (" + (ROWS + 2) + ", 'after the copy')");
        try (ReplicaHarness replica = ReplicaHarness.start(cfg, target)) {
            Eventually.equals(List.of(List.of((long) ROWS + 2)), () -> target.queryForList(
                    "SELECT count(*) FROM shop.big"), DEADLINE);
            assertThat(target.queryForList("SELECT body FROM shop.big WHERE id > " + ROWS + " ORDER BY id"))
                    .containsExactly(List.of("during the copy"), List.of("after the copy"));
        }

        Launched again = launch(home, "init_replica", "--config", cfg, "--source", "shop");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        long doomed = pidOf(again);
        System.out.printf("init_replica (background) returned in %d ms%n", again.millis());
        // killed mid-load: once rows are being copied
        Eventually.equals(true, () -> status(cfg).matches("(?s).*init_replica running \\(pid " + doomed
                + " .*: 0/1 tables, [\\d,]*[1-9][\\d,]* of .*"), DEADLINE);
        ProcessHandle.of(doomed).orElseThrow().destroyForcibly();
        awaitExit(doomed);

        String killed = status(cfg);
        System.out.println("show_status after kill -9 of the copy:\n" + killed);
        assertThat(killed).contains("shop: last copy init_replica killed (process " + doomed,
                "nothing of it was published: run init_replica again");
        assertThat(killed).matches("(?s).*killed .*last progress .*: 0/1 tables, [\\d,]*[1-9][\\d,]* of .*");
        assertThat(target.queryForList("SELECT count(*) FROM shop.big")).as("the published copy is untouched")
                .containsExactly(List.of((long) ROWS + 2));
        CliRunner.Result refusedStart = CliRunner.run("start_replica", "--config", cfg, "--source", "shop",
                "--foreground");
        assertThat(refusedStart.exitCode()).isEqualTo(5);
        assertThat(refusedStart.err()).contains("the last init_replica of source shop was killed before it finished");

        Launched redo = launch(home, "init_replica", "--config", cfg, "--source", "shop");
        assertThat(redo.exitCode()).as(redo.out() + redo.err()).isZero();
        System.out.printf("init_replica (background) returned in %d ms%n", redo.millis());
        awaitExit(pidOf(redo));
        assertThat(status(cfg)).contains("shop: last copy init_replica finished");
        assertThat(Files.readString(home.resolve("logs/background_shop_copy.log")))
                .contains("NOTE: the previous init_replica of source shop was killed");
        assertThat(target.queryForList("SELECT count(*) FROM shop.big")).containsExactly(List.of((long) ROWS + 2));
        assertThat(target.queryForList("SELECT count(*) FROM pg_namespace WHERE nspname LIKE '%tmp%'"))
                .as("no loading schema left").containsExactly(List.of(0L));

        // sync_tables (and refresh_schema) go to the background the same way; a replica recorded as running (its
        // process gone here) is stopped first, which the command itself says, and status says how to start again
        target.execute("UPDATE chameleon_catalogue.source SET status = 'running' WHERE source_name = 'shop'");
        Launched sync = launch(home, "sync_tables", "--config", cfg, "--source", "shop", "--tables",
                source.name() + ".big");
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
        Matcher started = Pattern.compile("sync_tables of source shop started in the background \\(pid (\\d+)\\)")
                .matcher(sync.out());
        assertThat(started.find()).as(sync.out()).isTrue();
        assertThat(sync.out()).contains("The copy stops the replica of source shop first; start it again with"
                + " 'start_replica --source shop' after the copy.");
        awaitExit(Long.parseLong(started.group(1)));
        assertThat(status(cfg)).contains("shop: last copy sync_tables finished", "1/1 tables, 1,500,002 of",
                "shop: copied and not replicating; start it with 'start_replica --source shop'");
    }

    private record Launched(int exitCode, String out, String err, long millis) {
    }

    private static Launched launch(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not return within 120 s");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Launched(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    private static long pidOf(Launched launched) {
        Matcher matcher = STARTED.matcher(launched.out());
        assertThat(matcher.find()).as(launched.out() + launched.err()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String status(String config) {
        CliRunner.Result shown = CliRunner.run("show_status", "--config", config, "--source", "shop");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        return shown.out();
    }

    private static void awaitExit(long pid) throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle != null) {
            handle.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
