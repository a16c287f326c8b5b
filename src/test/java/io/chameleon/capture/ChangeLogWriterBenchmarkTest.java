package io.chameleon.capture;

import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Change-log write throughput by hand: {@code bench/changelog-writer.sh}, or
 * {@code ./mvnw -B -o -q test -Dtest=ChangeLogWriterBenchmarkTest -Dchameleon.changeLogBench=true}.
 * The same 200,000 row changes of a 10-column mixed-type table ({@link ItemChangeBatches}) are written as the
 * reader writes them, in log batches of 10,000 rows (one PostgreSQL transaction each; {@code batchRows} sets
 * another size), through the production {@link ChangeLogWriter} (binary COPY). Until catalogue version 8 (jsonb
 * images) it also compared the Vert.x reactive pg client's pipelined INSERTs and unnest statements; those writers
 * went with the jsonb images, and their figures stay in docs/benchmarks.md.
 * A warm-up run, then {@code runs} measured runs, each on an emptied change log after a CHECKPOINT; every run is
 * checked against the rows generated before its figures count.
 */
@RealServers
@EnabledIfSystemProperty(named = "chameleon.changeLogBench", matches = "true")
class ChangeLogWriterBenchmarkTest {

    private static final String CATALOGUE = "bench_cat";
    private static final String QUIET = "warning";

    /** Figures of one run; server figures are -1 when the server's processes cannot be read here. */
    private record Run(long wallNanos, long jvmCpuNanos, long backendCpuNanos, long serverCpuNanos) {
    }

    /** What the writers are asked to run per batch, with the backend they run on. */
    private interface BatchWriter extends AutoCloseable {
        int backendPid() throws SQLException;

        void write(ItemChangeBatches.Batch batch) throws SQLException;
    }

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void writesTheSameChangesThroughEachWriter(PostgresDatabase database) throws Exception {
        int rows = Integer.getInteger("chameleon.changeLogBench.rows", 200_000);
        int runs = Integer.getInteger("chameleon.changeLogBench.runs", 5);
        // replica_batch_size's default; a reader that is caught up writes smaller batches (one transaction: 100)
        int batchRows = Integer.getInteger("chameleon.changeLogBench.batchRows", 10_000);

        int sourceId;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "bench");
            catalogue.drop();
            catalogue.create();
            sourceId = new SourceRepository(c, CATALOGUE).register("bench", "mysql", Map.of("bench_src", "bench_dst"))
                    .id();
        }
        ItemChangeBatches generator = new ItemChangeBatches();
        List<ItemChangeBatches.Batch> batches = generator.generate(rows, batchRows);
        ChangeLogCheck check = new ChangeLogCheck(database, CATALOGUE, generator.totals(), batches);
        System.out.printf("[changelog-bench] %d rows in %d batches, %.1f MiB of row images; PostgreSQL %s%n", rows,
                batches.size(), imageBytes(batches) / 1048576.0,
                database.queryForList("SHOW server_version").get(0).get(0));

        String name = "JDBC COPY binary (ChangeLogWriter)";
        Map<String, List<Run>> results = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            check.reset();
            System.gc(); // the previous run's garbage is not collected on this one's CPU account
            Run run;
            try (BatchWriter writer = open(database, sourceId)) {
                run = time(writer, batches);
            }
            check.verify(name);
            System.out.printf("[changelog-bench] %s %s: %.2f s, %.0f rows/s, JVM CPU %.2f s, backend CPU %s,"
                            + " server CPU %s%n", round == 0 ? "warm-up" : "run " + round, name,
                    run.wallNanos / 1e9, rows / (run.wallNanos / 1e9), run.jvmCpuNanos / 1e9,
                    seconds(run.backendCpuNanos), seconds(run.serverCpuNanos));
            if (round > 0) {
                results.computeIfAbsent(name, v -> new ArrayList<>()).add(run);
            }
        }
        printTable(results, rows);
    }

    private Run time(BatchWriter writer, List<ItemChangeBatches.Batch> batches) throws SQLException {
        Optional<PostgresProcessCpu> server = PostgresProcessCpu.of(writer.backendPid());
        PostgresProcessCpu.Sample serverBefore = server.map(PostgresProcessCpu::sample).orElse(null);
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        for (ItemChangeBatches.Batch batch : batches) {
            writer.write(batch);
        }
        long wall = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        PostgresProcessCpu.Sample spent = server.map(s -> s.sample().minus(serverBefore)).orElse(null);
        return new Run(wall, cpu, spent == null ? -1 : spent.backendNanos(), spent == null ? -1 : spent.serverNanos());
    }

    private static BatchWriter open(PostgresDatabase database, int sourceId) throws SQLException {
        Connection connection = database.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("SET client_min_messages = " + QUIET); // no notice per batch from the partition's IF NOT EXISTS
        }
        // -Dchameleon.changeLogBench.fenced=true: every transaction checks the fencing epoch, as a replica's do
        SourceFence fence = Boolean.getBoolean("chameleon.changeLogBench.fenced")
                ? new SourceFence(CATALOGUE, sourceId, 0) : SourceFence.none();
        ChangeLogWriter writer = new ChangeLogWriter(connection, CATALOGUE, sourceId, fence);
        return new BatchWriter() {
            public int backendPid() throws SQLException {
                try (Statement st = writer.connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    int pid = rs.getInt(1);
                    writer.connection().commit();
                    return pid;
                }
            }

            /** What ChangeCapture.writePending runs for a full batch. */
            public void write(ItemChangeBatches.Batch batch) throws SQLException {
                long batchId = writer.openBatch(batch.start(), batch.firstMillis());
                writer.appendRows(batchId, 1, batch.changes());
                writer.completeBatch(batchId, batch.end(), batch.transactions(), batch.changes().size(),
                        batch.lastMillis());
                writer.savePosition(batch.end(), batch.lastMillis());
                writer.commit(true);
            }

            public void close() throws SQLException {
                writer.close();
            }
        };
    }

    private static void printTable(Map<String, List<Run>> results, int rows) {
        System.out.println("[changelog-bench] medians of " + results.values().iterator().next().size()
                + " runs, range in brackets; CPU in seconds for all " + rows + " rows");
        System.out.println("| writer | wall s | rows/s | JVM CPU s | PG backend CPU s | PG server CPU s (all processes) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Map.Entry<String, List<Run>> entry : results.entrySet()) {
            List<Run> runs = entry.getValue();
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", entry.getKey(),
                    Spread.of(runs, r -> r.wallNanos / 1e9).format("%.2f"),
                    Spread.of(runs, r -> rows / (r.wallNanos / 1e9)).format("%,.0f"),
                    Spread.of(runs, r -> r.jvmCpuNanos / 1e9).format("%.2f"),
                    runs.get(0).backendCpuNanos < 0 ? "n/a" : Spread.of(runs, r -> r.backendCpuNanos / 1e9).format("%.2f"),
                    runs.get(0).serverCpuNanos < 0 ? "n/a" : Spread.of(runs, r -> r.serverCpuNanos / 1e9).format("%.2f"));
        }
    }

    /** Median and range of one figure over the runs. */
    private record Spread(double median, double min, double max) {
        static Spread of(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            int n = values.length;
            double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            return new Spread(median, values[0], values[n - 1]);
        }

        String format(String number) {
            return String.format("**" + number + "** (" + number + "–" + number + ")", median, min, max);
        }
    }

    private static String seconds(long nanos) {
        return nanos < 0 ? "n/a" : String.format("%.2f s", nanos / 1e9);
    }

    private static long imageBytes(List<ItemChangeBatches.Batch> batches) {
        return batches.stream().flatMap(b -> b.changes().stream())
                .mapToLong(c -> (c.before() == null ? 0 : c.before().length) + (c.after() == null ? 0 : c.after().length))
                .sum();
    }
}
