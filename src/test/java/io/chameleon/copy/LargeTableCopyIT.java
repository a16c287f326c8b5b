package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application copies a table many times larger than both its heap and copy_max_memory: rows stream
 * from MariaDB into the COPY without being gathered. Peak resident memory (VmHWM) is sampled from /proc.
 */
@RealServers
class LargeTableCopyIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int ROWS = 200_000;
    private static final String HEAP = "-Xmx48m";
    private static final long MAX_MEMORY = 1 << 20; // copy_max_memory: 1M

    @Test
    void copiesATableOfSixtyMegabytesWithAFortyEightMegabyteHeap(MariaDbDatabase source, PostgresDatabase target,
                                                                 @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE big (id INT PRIMARY KEY, body VARCHAR(1000) NOT NULL)",
                "INSERT INTO big SELECT seq, REPEAT(MD5(seq), 12) FROM seq_1_to_" + ROWS, "ANALYZE TABLE big");
        long tableBytes = (Long) source.queryForList("SELECT CAST(data_length AS SIGNED) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'big'").get(0).get(0);
        assertThat(tableBytes).as("table size").isGreaterThan(60L << 20).isGreaterThan(10 * MAX_MEMORY);
        Path config = TestConfig.between(source, target).set("COPY_MAX_MEMORY", "1M").write(home, "big");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();

        Path log = home.resolve("init_replica.log");
        Process init = new ProcessBuilder("java", HEAP, "-jar", APP.toString(), "init_replica", "--config",
                config.toString(), "--source", "shop").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peakKb = peakResidentKbUntilExit(init, Duration.ofMinutes(5));

        String output = Files.readString(log);
        System.out.printf("[bounded-memory] table %.1f MiB, heap %s, copy_max_memory 1M: peak RSS (VmHWM) %.1f MiB%n%s",
                tableBytes / 1048576.0, HEAP, peakKb / 1024.0, output);
        assertThat(init.exitValue()).as(output).isZero();
        List<Object> sourceSums = sourceSums(source);
        List<Object> targetSums = target.queryForList("SELECT count(*), sum(id)::bigint,"
                + " md5(string_agg(md5(body), '' ORDER BY id)) FROM shop.big").get(0);
        assertThat(targetSums).isEqualTo(sourceSums);
        assertThat(targetSums.get(0)).isEqualTo((long) ROWS);
        assertThat(peakKb).as("peak RSS in KiB").isLessThan(200 * 1024);
    }

    /** Row count, sum of ids and md5 of the ordered per-row md5s of {@code body}, on one session. */
    private static List<Object> sourceSums(MariaDbDatabase source) throws SQLException {
        try (Connection connection = source.connect(); Statement st = connection.createStatement()) {
            st.execute("SET SESSION group_concat_max_len = 67108864"); // 200,000 md5s do not fit the default 1 MiB
            try (ResultSet rs = st.executeQuery("SELECT count(*), CAST(sum(id) AS SIGNED),"
                    + " MD5(GROUP_CONCAT(MD5(body) ORDER BY id SEPARATOR '')) FROM big")) {
                rs.next();
                return List.of(rs.getLong(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    /** Samples VmHWM (the kernel's high-water mark of resident memory) every 50 ms until the process exits. */
    private static long peakResidentKbUntilExit(Process process, Duration timeout) throws Exception {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long end = System.nanoTime() + timeout.toNanos();
        long peak = 0;
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMarkKb(status));
            if (System.nanoTime() > end) {
                process.destroyForcibly();
                throw new AssertionError("init_replica did not finish within " + timeout);
            }
        }
        return peak;
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return 0;
    }
}
