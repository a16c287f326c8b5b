package io.chameleon.replay;

import io.chameleon.catalogue.FencedOutException;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** on_error_replay: a table whose changes fail is set aside (continue) or stops the source (exit). */
@RealServers
class ReplayErrorPolicyTest {

    /** Binlog position of the failing order in {@link #logOrdersWithOneBadRow()}: its fourth event. */
    private static final long BAD_POSITION = 4 + 3 * 100;

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int items;
    private int orders;

    ReplayErrorPolicyTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database).fresh("shop");
        database.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)",
                "CREATE TABLE shop.orders (order_id int PRIMARY KEY, qty int CHECK (qty > 0))");
        items = log.table("shop", "items", "id");
        orders = log.table("shop", "orders", "order_id");
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @Test
    void continueDisablesOnlyTheFailingTableAndRecordsWhere() throws SQLException {
        long batch = logOrdersWithOneBadRow();

        ReplayResult result;
        try (ReplayWorker worker = log.worker(settings(ErrorPolicy.CONTINUE))) {
            result = worker.replayOnce();
        }

        assertThat(result).isEqualTo(new ReplayResult(1, 2, 0, 3));
        assertThat(rows("SELECT id, name FROM shop.items ORDER BY id")).containsExactly("1|tea", "2|milk");
        assertThat(rows("SELECT count(*) FROM shop.orders")).containsExactly("0");
        assertThat(rows("SELECT table_name, replica_enabled FROM " + CATALOGUE + ".replicated_table ORDER BY table_id"))
                .containsExactly("items|true", "orders|false");
        assertThat(rows("SELECT batch_id, destination_schema, table_name, binlog_file, binlog_position, sqlstate FROM "
                + CATALOGUE + ".replay_error"))
                .containsExactly(batch + "|shop|orders|mysql-bin.000001|" + BAD_POSITION + "|23514");
        assertThat(rows("SELECT statement LIKE 'WITH net AS%INSERT INTO \"shop\".\"orders\"%', error_message FROM "
                + CATALOGUE + ".replay_error").get(0)).startsWith("true|").contains("orders_qty_check");
        assertThat(rows("SELECT last_batch_id FROM " + CATALOGUE + ".replay_progress")).containsExactly(String.valueOf(batch));
    }

    @Test
    void continueSkipsTheDisabledTableInLaterBatches() throws SQLException {
        logOrdersWithOneBadRow();
        log.batch().insert(orders, row("order_id", "30", "qty", "1")).insert(items, row("id", "3", "name", "rice"))
                .commit();

        try (ReplayWorker worker = log.worker(new ReplaySettings(5, ErrorPolicy.CONTINUE, Duration.ofSeconds(1)))) {
            assertThat(worker.replayOnce().batches()).isEqualTo(1);
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 1, 0, 1));
        }

        assertThat(rows("SELECT count(*) FROM shop.orders")).containsExactly("0");
        assertThat(rows("SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void exitRollsBackStopsTheSourceAndNamesTableAndPosition() throws SQLException {
        logOrdersWithOneBadRow();

        ReplayException failure;
        try (ReplayWorker worker = log.worker(settings(ErrorPolicy.EXIT))) {
            failure = catchThrowableOfType(ReplayException.class, worker::replayOnce);
        }

        assertThat(failure.getMessage()).contains("table shop.orders", "binlog mysql-bin.000001:" + BAD_POSITION,
                "[23514]", "orders_qty_check", "statement: WITH net AS");
        assertThat(failure.exitStatus().code()).isEqualTo(5);
        assertThat(rows("SELECT count(*) FROM shop.items")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM " + CATALOGUE + ".log_batch WHERE replayed_at IS NULL")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM " + CATALOGUE + ".replay_progress")).containsExactly("0");
        assertThat(rows("SELECT table_name, binlog_position FROM " + CATALOGUE + ".replay_error"))
                .containsExactly("orders|" + BAD_POSITION);
        assertThat(new SourceRepository(log.connection(), CATALOGUE).require("shop").status())
                .isEqualTo(SourceStatus.ERROR);
    }

    @Test
    void aProcessNoLongerActiveRecordsNoStop() throws SQLException {
        logOrdersWithOneBadRow();
        database.execute("UPDATE " + CATALOGUE + ".source SET epoch = 8");

        Throwable failure;
        try (ReplayWorker worker = log.worker(settings(ErrorPolicy.EXIT))
                .fencedBy(new SourceFence(CATALOGUE, log.sourceId(), 7))) {
            failure = catchThrowable(worker::replayOnce);
        }

        assertThat(failure).isInstanceOf(FencedOutException.class);
        assertThat(rows("SELECT count(*) FROM " + CATALOGUE + ".replay_error")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM shop.items")).containsExactly("0");
        assertThat(new SourceRepository(log.connection(), CATALOGUE).require("shop").status())
                .isNotEqualTo(SourceStatus.ERROR);
    }

    @Test
    void failingToWriteTheErrorRowDoesNotStopTheReplay() throws SQLException {
        database.execute("CREATE FUNCTION shop.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN RAISE EXCEPTION 'replay_error is read-only today'; END$$",
                "CREATE TRIGGER refuse BEFORE INSERT ON " + CATALOGUE + ".replay_error FOR EACH ROW"
                        + " EXECUTE FUNCTION shop.refuse()");
        long batch = logOrdersWithOneBadRow();

        try (ReplayWorker worker = log.worker(settings(ErrorPolicy.CONTINUE))) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 2, 0, 3));
        }

        assertThat(rows("SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2");
        assertThat(rows("SELECT count(*) FROM " + CATALOGUE + ".replay_error")).containsExactly("0");
        assertThat(rows("SELECT replica_enabled FROM " + CATALOGUE + ".replicated_table WHERE table_name = 'orders'"))
                .containsExactly("false");
        assertThat(rows("SELECT last_batch_id FROM " + CATALOGUE + ".replay_progress")).containsExactly(String.valueOf(batch));
    }

    /** items 1, order 10, order 20, order 21 with qty 0 (fails its check), items 2. */
    private long logOrdersWithOneBadRow() throws SQLException {
        return log.batch().insert(items, row("id", "1", "name", "tea"))
                .insert(orders, row("order_id", "10", "qty", "1"))
                .insert(orders, row("order_id", "20", "qty", "2"))
                .insert(orders, row("order_id", "21", "qty", "0"))
                .insert(items, row("id", "2", "name", "milk"))
                .commit();
    }

    private List<String> rows(String sql) {
        return ReplayAssertions.rows(database, sql);
    }

    private static ReplaySettings settings(ErrorPolicy policy) {
        return new ReplaySettings(1000, policy, Duration.ofSeconds(1));
    }
}
