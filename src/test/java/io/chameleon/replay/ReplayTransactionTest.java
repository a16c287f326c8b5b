package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.error.ConnectionException;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one replay transaction takes, and that its progress commits with its rows. */
@RealServers
class ReplayTransactionTest {

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int items;

    ReplayTransactionTest(PostgresDatabase database) {
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
    void neverSplitsABatchLargerThanMaxRows() throws SQLException {
        long big = insertBatch(1, 5);
        long next = insertBatch(6, 1);

        try (ReplayWorker worker = log.worker(settings(3))) {
            ReplayResult first = worker.replayOnce();

            assertThat(first).isEqualTo(new ReplayResult(1, 5, 0, 0));
            assertThat(progress()).containsExactly(big + "|5|" + ChangeLogFixture.timeAt(4 + 4 * 100).toInstant());
            assertThat(ids()).containsExactly("1", "2", "3", "4", "5");

            assertThat(worker.replayOnce().batches()).isEqualTo(1);
            assertThat(progress().get(0)).startsWith(next + "|6|");
        }
    }

    @Test
    void groupsWholeBatchesUpToMaxRows() throws SQLException {
        insertBatch(1, 2);
        long second = insertBatch(3, 2);
        insertBatch(5, 1);

        try (ReplayWorker worker = log.worker(settings(4))) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(2, 4, 0, 0));
            assertThat(progress().get(0)).startsWith(second + "|4|");
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 1, 0, 0));
            assertThat(worker.replayOnce().idle()).isTrue();
        }
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM " + CATALOGUE
                + ".log_batch WHERE replayed_at IS NULL")).isZero();
    }

    @Test
    void progressCommitsWithTheRowsWhenTheConnectionDiesBeforeCommit() throws SQLException {
        database.execute("CREATE TABLE shop.inserted (id int)",
                "CREATE FUNCTION shop.audit() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN INSERT INTO shop.inserted VALUES (NEW.id); RETURN NEW; END$$",
                "CREATE TRIGGER audit AFTER INSERT ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.audit()");
        insertBatch(1, 3);
        insertBatch(4, 3);
        long last = insertBatch(7, 3);

        try (ReplayWorker doomed = log.worker(settings(3))) {
            assertThat(doomed.replayOnce().batches()).isEqualTo(1);
            doomed.onBeforeCommit(this::terminateBackend);
            assertThatThrownBy(doomed::replayOnce).isInstanceOf(ConnectionException.class);
        }
        assertThat(ids()).containsExactly("1", "2", "3");

        try (ReplayWorker resumed = log.worker(settings(3))) {
            assertThat(resumed.replayOnce().batches()).isEqualTo(1);
            assertThat(resumed.replayOnce().batches()).isEqualTo(1);
            assertThat(resumed.replayOnce().idle()).isTrue();
        }

        assertThat(ids()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM shop.inserted")).isEqualTo(9);
        assertThat(progress().get(0)).startsWith(last + "|9|");
    }

    @Test
    void skipsAndCountsRowsOfDisabledAndKeylessTables() throws SQLException {
        database.execute("CREATE TABLE shop.paused (id int PRIMARY KEY)", "CREATE TABLE shop.keyless (v text)");
        int paused = log.table("shop", "paused", "id");
        int keyless = log.table("shop", "keyless");
        database.execute("UPDATE " + CATALOGUE + ".replicated_table SET replica_enabled = false WHERE table_id = " + paused);
        log.batch().insert(paused, row("id", "1")).insert(items, row("id", "1", "name", "tea"))
                .insert(keyless, row("v", "x")).truncate(paused).commit();

        try (ReplayWorker worker = log.worker(settings(100))) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 1, 0, 3));
        }

        assertThat(ids()).containsExactly("1");
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM shop.paused")).isZero();
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM shop.keyless")).isZero();
    }

    @Test
    void truncateIsABarrierInsideTheChunk() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "a")).insert(items, row("id", "2", "name", "b")).commit();
        log.batch().delete(items, row("id", "2", "name", "b")).truncate(items)
                .insert(items, row("id", "3", "name", "c")).insert(items, row("id", "1", "name", "d")).commit();

        try (ReplayWorker worker = log.worker(settings(100))) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(2, 6, 0, 0));
        }

        assertThat(ReplayAssertions.rows(database, "SELECT id, name FROM shop.items ORDER BY id"))
                .containsExactly("1|d", "3|c");
    }

    @Test
    void schemaChangeIsABarrierAndLaterRowsUseTheNewStructure() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "a"))
                .ddl(items, "ALTER TABLE shop.items ADD COLUMN colour text")
                .insert(items, row("id", "2", "name", "b", "colour", "red"))
                .update(items, row("id", "1", "name", "a", "colour", null), row("id", "1", "name", "a", "colour", "blue"))
                .commit();

        try (ReplayWorker worker = log.worker(settings(100))) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 3, 1, 0));
        }

        assertThat(ReplayAssertions.rows(database, "SELECT id, name, colour FROM shop.items ORDER BY id"))
                .containsExactly("1|a|blue", "2|b|red");
        assertThat(ReplayAssertions.rows(database, "SELECT applied_ddl FROM " + CATALOGUE + ".replay_progress"))
                .containsExactly("1");
    }

    private void terminateBackend(Connection workerConnection) throws SQLException {
        int pid;
        try (Statement st = workerConnection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        // waits (up to 10 s) until the backend is gone, so the commit that follows surely fails
        assertThat(database.queryForList("SELECT pg_terminate_backend(" + pid + ", 10000)"))
                .containsExactly(List.of(true));
    }

    private long insertBatch(int firstId, int rows) throws SQLException {
        ChangeLogFixture.Batch batch = log.batch();
        for (int id = firstId; id < firstId + rows; id++) {
            batch.insert(items, row("id", String.valueOf(id), "name", "n" + id));
        }
        return batch.commit();
    }

    private List<String> ids() {
        return ReplayAssertions.rows(database, "SELECT id FROM shop.items ORDER BY id");
    }

    /** last_batch_id|applied_rows|last_event_time (UTC instant). */
    private List<String> progress() {
        return ReplayAssertions.rows(database, "SELECT last_batch_id, applied_rows,"
                + " to_char(last_event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM "
                + CATALOGUE + ".replay_progress");
    }

    private static ReplaySettings settings(int maxRows) {
        return new ReplaySettings(maxRows, ErrorPolicy.EXIT, Duration.ofSeconds(1));
    }
}
