package io.chameleon.replay;

import io.chameleon.catalogue.ReplayChannel;
import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The replay loop: woken by the reader's notification, stopped between transactions. */
@RealServers
class ReplayRunTest {

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int items;

    ReplayRunTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database).fresh("shop");
        database.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
        items = log.table("shop", "items", "id");
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @Test
    void wakesOnNotifyLongBeforeTheIdleWaitEnds() throws Exception {
        log.batch().insert(items, row("id", "1", "name", "a")).commit();
        ReplaySettings settings = new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofMinutes(10));
        try (ReplayWorker worker = log.worker(settings)) {
            whileRunning(worker, () -> {
                awaitReplayed(1);
                log.batch().insert(items, row("id", "2", "name", "b")).commit();
                ReplayChannel.notify(log.connection(), log.sourceId());

                awaitReplayed(2);
            });
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2");
    }

    /**
     * Started with nothing to replay (a replica's start, before the reader logs anything), the worker housekeeps before
     * its first wait: that wait must be outside a transaction, or PgJDBC hands it no NOTIFY and it spins a core until
     * sleep_loop ends.
     */
    @Test
    void startedIdleItWaitsOutsideATransactionAndWakesOnNotify() throws Exception {
        long old = log.batch().insert(items, row("id", "1", "name", "a")).commit();
        try (ReplayWorker first = log.worker(new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofSeconds(1)))) {
            first.replayOnce();
        }
        // replayed long ago: the first housekeeping deletes it, which tells this test the worker is about to wait
        database.execute("UPDATE " + CATALOGUE + ".log_batch SET replayed_at = now() - interval '3 hours'");
        ReplaySettings settings = new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofMinutes(10), "2 hours");
        try (ReplayWorker worker = new ReplayWorker(() -> {
            Connection c = database.connect();
            try (Statement st = c.createStatement()) {
                st.execute("SET application_name = 'replay_under_test'");
            }
            return c;
        }, CATALOGUE, log.sourceId(), settings)) {
            whileRunning(worker, () -> {
                Eventually.await("the first housekeeping", Duration.ofSeconds(10), () -> ReplayAssertions.count(
                        database, "SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE batch_id = " + old) == 0);
                Eventually.await("the replay waiting outside a transaction", Duration.ofSeconds(10),
                        () -> ReplayAssertions.count(database, "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE application_name = 'replay_under_test' AND state = 'idle'") == 1);
                log.batch().insert(items, row("id", "2", "name", "b")).commit();
                ReplayChannel.notify(log.connection(), log.sourceId());

                Eventually.await("the new batch replayed long before sleep_loop ends", Duration.ofSeconds(10),
                        () -> ReplayAssertions.count(database, "SELECT count(*) FROM shop.items") == 2);
            });
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2");
    }

    /**
     * After a chunk that took every pending batch the worker waits for NOTIFY; after one cut short by replay_max_rows
     * it goes on at once, though nothing notifies it (the reader's notifications were taken by earlier waits).
     */
    @Test
    void aBacklogLargerThanAChunkIsReplayedWithoutWaiting() throws Exception {
        for (int id = 1; id <= 3; id++) {
            log.batch().insert(items, row("id", String.valueOf(id), "name", "n")).commit();
        }
        try (ReplayWorker worker = log.worker(new ReplaySettings(1, ErrorPolicy.EXIT, Duration.ofMinutes(10)))) {
            whileRunning(worker, () -> awaitReplayed(3));
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id FROM shop.items ORDER BY id"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void stopsAtTheTransactionBoundaryItWasAskedIn() throws SQLException {
        for (int id = 1; id <= 3; id++) {
            log.batch().insert(items, row("id", String.valueOf(id), "name", "n")).commit();
        }
        AtomicBoolean stop = new AtomicBoolean();
        try (ReplayWorker worker = log.worker(new ReplaySettings(1, ErrorPolicy.EXIT, Duration.ofMinutes(10)))) {
            worker.onBeforeCommit(c -> stop.set(true));
            worker.run(stop::get);
        }

        assertThat(ReplayAssertions.rows(database, "SELECT id FROM shop.items")).containsExactly("1");
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM " + CATALOGUE
                + ".log_batch WHERE replayed_at IS NULL")).isEqualTo(2);
    }

    /** A test's steps, which may throw. */
    @FunctionalInterface
    private interface Steps {
        void run() throws Exception;
    }

    /** Runs the worker's loop in the background while the steps run, then stops it between transactions. */
    private static void whileRunning(ReplayWorker worker, Steps steps) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> worker.run(stop::get));
        try {
            steps.run();
        } finally {
            stop.set(true);
        }
        running.get(10, TimeUnit.SECONDS);
    }

    private void awaitReplayed(long batches) throws Exception {
        Eventually.await(batches + " batches replayed", Duration.ofSeconds(10), () -> ReplayAssertions.count(database,
                "SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE replayed_at IS NOT NULL") == batches);
    }
}
