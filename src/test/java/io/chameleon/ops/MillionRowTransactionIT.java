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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants 3 and 7: one source transaction of 1,000,000 row changes reaches the target whole, through a replica
 * process with a 256 MiB heap that stays alive; its peak heap (from the GC log) and peak RSS are reported.
 */
@RealServers
class MillionRowTransactionIT {

    private static final int ROWS = 1_000_000;
    private static final String HEAP = "-Xmx256m";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void aTransactionOfAMillionRowsIsReplicatedCompletelyWithABoundedHeap(MariaDbDatabase source,
                                                                          PostgresDatabase target,
                                                                          @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE big (id INT PRIMARY KEY, n INT NOT NULL, pad VARCHAR(20) NOT NULL)",
                "CREATE TABLE small (id INT PRIMARY KEY, note VARCHAR(20) NOT NULL)");
        Path config = TestConfig.between(source, target).write(home, "million");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path gcLog = home.resolve("gc.log");

        try (ReplicaJar replica = ReplicaJar.start(config, home.resolve("replica.log"), HEAP,
                "-Xlog:gc:file=" + gcLog).awaitRunning(Duration.ofSeconds(90))) {
            source.execute("INSERT INTO small VALUES (1, 'before')");
            long committed = System.nanoTime();
            source.execute("INSERT INTO big SELECT seq, seq % 1000, CONCAT('row ', seq) FROM seq_1_to_" + ROWS,
                    "INSERT INTO small VALUES (2, 'after')");
            long written = System.nanoTime();

            Eventually.equals(List.of(List.of((long) ROWS, "2")), () -> target.queryForList("SELECT (SELECT count(*)"
                    + " FROM shop.big), (SELECT string_agg(id::text, ',') FROM shop.small WHERE id = 2)"),
                    Duration.ofMinutes(10));
            long applied = System.nanoTime();
            TableDigest big = new TableDigest("big", "id", "id, n, pad");
            List<String> expected = big.ofSource(source);
            List<String> actual = big.ofTarget(target, "shop");
            long peakHeapMb = heapMb(gcLog, 1);
            long liveHeapMb = heapMb(gcLog, 2);
            System.out.printf("[million] %,d row changes in one transaction: written on the source in %.1f s,"
                            + " in the target %.1f s after its commit (%,.0f rows/s); heap %s, peak heap %d MiB"
                            + " before a collection, at most %d MiB live after one (GC log), peak RSS (VmHWM)"
                            + " %.0f MiB%n", ROWS, (written - committed) / 1e9, (applied - written) / 1e9,
                    ROWS / ((applied - written) / 1e9), HEAP,
                    peakHeapMb, liveHeapMb, replica.peakRssKb() / 1024.0);

            assertThat(replica.isAlive()).as(replica.output()).isTrue();
            assertThat(actual.size()).isEqualTo(ROWS);
            assertThat(TableDigest.difference(expected, actual)).isEmpty();
            assertThat(replica.output()).doesNotContain("OutOfMemoryError").doesNotContain("failed source=");
            assertThat(liveHeapMb).as("heap still referenced after a collection, MiB").isPositive().isLessThan(200);
        }
    }

    /**
     * The largest heap occupancy before ({@code group} 1) or after ({@code group} 2, what is still referenced) a
     * collection, from lines like "... 120M->30M(256M) 5.1ms".
     */
    private static long heapMb(Path gcLog, int group) throws Exception {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(group)));
            }
        }
        return peak;
    }
}
