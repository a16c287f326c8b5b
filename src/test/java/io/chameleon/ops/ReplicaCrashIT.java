package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants 1 and 2 with real processes: the packaged replica ({@code start_replica --foreground}) is killed with
 * SIGKILL at least twelve times while a mixed workload runs — at random moments, while a transaction of 120,000 rows is
 * being logged in parts, while replay applies a large batch, and just after a start with replay work pending —
 * and restarted each time. In the end every table of the target equals the source row for row, and the change
 * log holds each committed row change exactly once.
 */
@RealServers
class ReplicaCrashIT {

    private static final int KILLS = 12;
    /** Rounds go on past KILLS until a kill has hit each timing-dependent moment, on slow and fast machines alike. */
    private static final int MAX_KILLS = 28;
    private static final int LARGE_ROWS = 120_000;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private enum KillPoint { RANDOM_MOMENT, MID_LARGE_TRANSACTION, DURING_REPLAY, REPLAY_PENDING_AT_START }

    @Test
    void aReplicaKilledAtAnyMomentLosesAndRepeatsNothing(MariaDbDatabase source, PostgresDatabase target,
                                                         @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        Path config = TestConfig.between(source, target).set("PG_SCHEMA", "bank").write(home, "crash");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        ChangeLogAudit audit = new ChangeLogAudit(target);
        Path log = home.resolve("replica.log");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> kills = new ArrayList<>();
        int caughtMidTransaction = 0;
        int caughtDuringReplay = 0;

        List<CompletableFuture<Long>> large = new ArrayList<>();
        MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(3));
        try {
            for (int round = 0; round < MAX_KILLS
                    && (round < KILLS || caughtMidTransaction == 0 || caughtDuringReplay == 0); round++) {
                KillPoint point = KillPoint.values()[round % KillPoint.values().length];
                long pendingAtStart = audit.pendingRows();
                try (ReplicaJar replica = ReplicaJar.start(config, log, "-Xmx256m").awaitRunning(START)) {
                    String moment = switch (point) {
                        case RANDOM_MOMENT -> {
                            long millis = random.nextInt(3000);
                            Thread.sleep(millis);
                            yield millis + " ms after start";
                        }
                        case MID_LARGE_TRANSACTION -> {
                            long loggedBefore = audit.loggedRows();
                            large.add(largeTransaction(workload, LARGE_ROWS));
                            boolean caught = await(() -> audit.incompleteBatches() > 0
                                    || audit.loggedRows() >= loggedBefore + LARGE_ROWS, Duration.ofSeconds(60))
                                    && audit.incompleteBatches() > 0;
                            caughtMidTransaction += caught ? 1 : 0;
                            yield caught ? "with " + audit.incompleteBatches() + " incomplete batch(es) logged"
                                    : "after a large transaction (its parts were not seen)";
                        }
                        case DURING_REPLAY -> {
                            large.add(largeTransaction(workload, LARGE_ROWS / 2));
                            boolean caught = await(() -> audit.pendingRows() >= LARGE_ROWS / 2,
                                    Duration.ofSeconds(60));
                            caughtDuringReplay += caught ? 1 : 0;
                            yield caught ? "with " + audit.pendingRows() + " logged rows waiting for replay"
                                    : "after the large batch was replayed";
                        }
                        case REPLAY_PENDING_AT_START -> {
                            long millis = random.nextInt(400);
                            Thread.sleep(millis);
                            yield millis + " ms after a start with " + pendingAtStart + " rows to replay";
                        }
                    };
                    assertThat(replica.isAlive()).as("replica alive before kill %d:%n%s", round, replica.output())
                            .isTrue();
                    replica.kill9();
                    kills.add("kill " + (round + 1) + " (" + point + "): " + moment);
                }
            }
        } finally {
            kills.forEach(k -> System.out.println("[crash] " + k));
            workload.close();
            CompletableFuture.allOf(large.toArray(CompletableFuture[]::new)).join();
        }
        long expectedChanges = workload.changes();

        try (ReplicaJar replica = ReplicaJar.start(config, log, "-Xmx256m").awaitRunning(START)) {
            for (TableDigest table : MixedWorkload.TABLES) {
                List<String> expected = table.ofSource(source);
                try {
                    Eventually.equals(expected, () -> table.ofTarget(target, "bank"), CATCH_UP);
                } catch (AssertionError notCaughtUp) { // say what the replica was doing, not only the rows
                    String output = replica.output();
                    throw new AssertionError("target did not catch up; replica alive " + replica.isAlive()
                            + ", pending batches " + audit.pendingBatches() + ", pending rows " + audit.pendingRows()
                            + ", seed " + seed + ", replay errors " + target.queryForList("SELECT table_name,"
                            + " error_message FROM chameleon_catalogue.replay_error") + ", sources "
                            + target.queryForList("SELECT source_name, status FROM chameleon_catalogue.source")
                            + "; PostgreSQL:" + StuckReplayReport.of(target) + "\nend of the replica's output:\n"
                            + output.substring(Math.max(0, output.length() - 6000)), notCaughtUp);
                }
            }
            Eventually.equals(0L, audit::pendingBatches, CATCH_UP);
            CliRunner.Result stop = CliRunner.run("stop_replica", "--config", config.toString(), "--source", "shop");
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(replica.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isZero();
        }

        System.out.printf("[crash] seed %d: %d kills, %d mid large transaction, %d during replay; %d row changes"
                        + " committed, %d logged, %d log rows kept (audited for duplicates)%n", seed, kills.size(),
                caughtMidTransaction, caughtDuringReplay, expectedChanges, audit.loggedRows(), audit.keptLogRows());
        assertThat(kills).hasSizeGreaterThanOrEqualTo(10);
        assertThat(caughtMidTransaction).as("kills while a transaction was logged in parts").isPositive();
        assertThat(caughtDuringReplay).as("kills with a large batch waiting for or in replay").isPositive();
        assertThat(audit.loggedRows()).as("row changes in the change log = row changes committed on the source")
                .isEqualTo(expectedChanges);
        assertThat(audit.overlappingBatches()).as("batches re-reading part of an earlier batch").isZero();
        assertThat(audit.duplicateLogRows()).as("log rows present twice").isZero();
        assertThat(audit.incompleteBatches()).isZero();
        assertThat(audit.lastReplayedBatch()).as("replay marker").isEqualTo(audit.lastCompleteBatch());
    }

    private static CompletableFuture<Long> largeTransaction(MixedWorkload workload, int rows) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return workload.largeTransaction(rows);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Polls {@code condition} every 5 ms; false when the deadline passed first. */
    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
