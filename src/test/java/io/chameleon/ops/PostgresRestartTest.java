package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.LocalPostgres;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.PostgresServer;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target PostgreSQL is restarted three times while a mixed workload runs on the source, and the replica (reader,
 * replay worker and pulse in this JVM) rides it out: in the end the target equals the source row for row and the
 * change log holds each row change exactly once. The test restarts a private server of its own.
 */
@RealServers
class PostgresRestartTest {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration PROGRESS = Duration.ofSeconds(60);

    @Test
    void theReplicaResumesAfterEachRestartOfPostgres(MariaDbDatabase source, @TempDir Path home) throws Exception {
        PostgresServer own = LocalPostgres.start(); // restarting the shared server would disturb other tests
        try {
            PostgresDatabase target = own.createDatabase("outage_target");
            source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
            String config = TestConfig.between(source, target).set("PG_SCHEMA", "bank").write(home, "restart")
                    .toString();
            ChangeLogAudit audit = new ChangeLogAudit(target);
            try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
                MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(3));
                try {
                    for (int restart = 0; restart < 3; restart++) {
                        long logged = audit.loggedRows();
                        awaitGrowth("rows logged before restart " + restart, audit::loggedRows, logged, PROGRESS);
                        LocalPostgres.stopKeepingData(own);
                        awaitGrowth("source transactions while PostgreSQL is down", workload::transactions,
                                workload.transactions() + 200, PROGRESS);
                        LocalPostgres.startAgain(own);
                    }
                } finally {
                    workload.close();
                }
                assertReplicatedExactlyOnce(source, target, audit, workload.changes());
                assertThat(replica.failure()).isNull();
            }
        } finally {
            own.stop();
        }
    }

    static void assertReplicatedExactlyOnce(MariaDbDatabase source, PostgresDatabase target,
                                                    ChangeLogAudit audit, long changes) {
        for (TableDigest table : MixedWorkload.TABLES) {
            List<String> expected = table.ofSource(source);
            try {
                Eventually.equals(expected, () -> table.ofTarget(target, "bank"), CATCH_UP);
            } catch (AssertionError notCaughtUp) { // behind, stuck or missing changes: say which
                throw new AssertionError("table " + table.table() + " did not catch up; pending batches "
                        + audit.pendingBatches() + ", pending rows " + audit.pendingRows() + ", last replayed batch "
                        + audit.lastReplayedBatch() + " of " + audit.lastCompleteBatch() + ", replay errors "
                        + target.queryForList("SELECT table_name, error_message FROM chameleon_catalogue.replay_error")
                        + "; PostgreSQL:" + StuckReplayReport.of(target), notCaughtUp);
            }
        }
        Eventually.equals(0L, audit::pendingBatches, CATCH_UP);
        assertThat(audit.loggedRows()).as("row changes logged = row changes committed").isEqualTo(changes);
        assertThat(audit.overlappingBatches()).isZero();
        assertThat(audit.duplicateLogRows()).isZero();
        assertThat(audit.lastReplayedBatch()).isEqualTo(audit.lastCompleteBatch());
    }

    /** Waits until {@code value} exceeds {@code from}; fails naming {@code what} after {@code timeout}. */
    static void awaitGrowth(String what, LongSupplier value, long from, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (value.getAsLong() <= from) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + ": still " + value.getAsLong() + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
