package io.chameleon.replay;

import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Consumed change-log partitions are dropped whole, and replayed batches go after batch_retention. */
@RealServers
class ReplayHousekeepingTest {

    private final PostgresDatabase database;
    private final ChangeLogPartitions partitions = new ChangeLogPartitions(CATALOGUE);
    private ChangeLogFixture log;
    private int items;

    ReplayHousekeepingTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database).fresh("shop");
        database.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
        items = log.table("shop", "items", "id");
        long last = ChangeLogPartitions.BATCHES_PER_PARTITION;
        // batches last-2, last-1 fall in partition 0; last, last+1 in partition 1
        database.execute("ALTER TABLE " + CATALOGUE + ".log_batch ALTER COLUMN batch_id RESTART WITH " + (last - 2));
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @Test
    void dropsAPartitionOnceEveryBatchInItIsReplayed() throws SQLException {
        for (int id = 1; id <= 4; id++) {
            log.batch().insert(items, row("id", String.valueOf(id), "name", "n" + id)).commit();
        }
        assertThat(partitions.partitions(log.connection())).containsExactly("change_log_p0", "change_log_p1");

        try (ReplayWorker worker = log.worker(settings("1 day"))) {
            assertThat(worker.replayOnce().batches()).isEqualTo(3);
            assertThat(worker.housekeep().droppedPartitions()).containsExactly("change_log_p0");
            assertThat(worker.replayOnce().batches()).isEqualTo(1);
            // the reader may still write later batches into partition 1
            assertThat(worker.housekeep().droppedPartitions()).isEmpty();
        }

        assertThat(partitions.partitions(log.connection())).containsExactly("change_log_p1");
        assertThat(ReplayAssertions.rows(database, "SELECT id FROM shop.items ORDER BY id"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void keepsAPartitionWhileAnotherSourceStillHasBatchesInIt() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "a")).commit();
        database.execute("INSERT INTO " + CATALOGUE + ".source (source_name, source_type) VALUES ('erp', 'mysql')",
                "INSERT INTO " + CATALOGUE + ".log_batch (source_id, start_binlog_file, start_binlog_position,"
                        + " end_binlog_file, end_binlog_position, transaction_count, row_count)"
                        + " SELECT source_id, 'b.1', 4, 'b.1', 8, 1, 0 FROM " + CATALOGUE + ".source"
                        + " WHERE source_name = 'erp'");
        log.batch().insert(items, row("id", "2", "name", "b")).commit();
        log.batch().insert(items, row("id", "3", "name", "c")).commit();

        try (ReplayWorker worker = log.worker(settings("1 day"))) {
            assertThat(worker.replayOnce().batches()).isEqualTo(3);
            assertThat(worker.housekeep().droppedPartitions()).isEmpty();
        }

        assertThat(partitions.partitions(log.connection())).containsExactly("change_log_p0", "change_log_p1");
    }

    @Test
    void deletesBatchesReplayedLongerAgoThanTheRetention() throws SQLException {
        long old = log.batch().insert(items, row("id", "1", "name", "a")).commit();
        long recent = log.batch().insert(items, row("id", "2", "name", "b")).commit();
        long pending = log.batch().insert(items, row("id", "3", "name", "c")).commit();

        try (ReplayWorker worker = log.worker(new ReplaySettings(1, ErrorPolicy.EXIT, Duration.ofSeconds(1), "2 hours"))) {
            worker.replayOnce();
            worker.replayOnce();
            database.execute("UPDATE " + CATALOGUE + ".log_batch SET replayed_at = now() - interval '3 hours'"
                    + " WHERE batch_id = " + old);

            assertThat(worker.housekeep().deletedBatches()).isEqualTo(1);
        }

        assertThat(ReplayAssertions.rows(database, "SELECT batch_id FROM " + CATALOGUE + ".log_batch ORDER BY 1"))
                .containsExactly(String.valueOf(recent), String.valueOf(pending));
    }

    @Test
    void twoSessionsRacingToCreateAPartitionBothSucceed() throws Exception {
        try (Connection first = database.connect(); Connection second = database.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            partitions.ensurePartitionFor(first, 5000);
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> {
                try {
                    partitions.ensurePartitionFor(second, 5001);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await("the second session waits for the first one's partition", Duration.ofSeconds(10),
                    () -> ReplayAssertions.count(database, "SELECT count(*) FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0);
            first.commit();

            racing.get(10, TimeUnit.SECONDS);
            partitions.ensurePartitionFor(first, 5002);
            first.commit();
        }
        assertThat(partitions.partitions(log.connection())).contains("change_log_p19");
    }

    private static ReplaySettings settings(String retention) {
        return new ReplaySettings(3, ErrorPolicy.EXIT, Duration.ofSeconds(1), retention);
    }
}
