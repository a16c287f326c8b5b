package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader and the replay worker together: changes made in MariaDB after init_replica reach PostgreSQL. */
@RealServers
class LiveReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static ReplicaHarness replica;

    @BeforeAll
    static void initAndStart(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute(
                "CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance DECIMAL(12,2))",
                "INSERT INTO accounts VALUES (1, 'ada', 10.00), (2, 'grace', 20.00)",
                "CREATE TABLE movements (account_id INT NOT NULL, seq INT NOT NULL, amount DECIMAL(12,2),"
                        + " note TEXT, PRIMARY KEY (account_id, seq))",
                "CREATE TABLE free_text (note TEXT)",
                "CREATE TABLE scratch (id INT PRIMARY KEY)",
                "CREATE TABLE ticks (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "bank").write(home, "live").toString();
        replica = ReplicaHarness.initAndStart(config, target);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        replica.close();
    }

    @Test
    void insertsUpdatesAndDeletesArriveInOrder(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO accounts VALUES (3, 'emile', 0.50)",
                "UPDATE accounts SET balance = balance + 5 WHERE id = 1",
                "DELETE FROM accounts WHERE id = 2");

        Eventually.equals(List.of("1|ada|15.00", "3|emile|0.50"), () -> rows(target, "SELECT id || '|' || owner || '|'"
                + " || balance FROM bank.accounts ORDER BY id"), DEADLINE);
    }

    @Test
    void anUpdateThatChangesThePrimaryKeyMovesTheRow(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO accounts VALUES (10, 'key', 1.00)", "UPDATE accounts SET id = 11 WHERE id = 10");

        Eventually.equals(List.of("11|key"), () -> rows(target, "SELECT id || '|' || owner FROM bank.accounts"
                + " WHERE id IN (10, 11)"), DEADLINE);
    }

    @Test
    void aKeyDeletedAndReinsertedInOneTransactionHoldsTheNewRow(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO accounts VALUES (40, 'first life', 1.00)",
                "START TRANSACTION",
                "DELETE FROM accounts WHERE id = 40",
                "INSERT INTO accounts VALUES (40, 'second life', 2.00)",
                "COMMIT",
                "DELETE FROM accounts WHERE id = 40",
                "INSERT INTO accounts VALUES (40, 'third life', 3.00)");

        Eventually.equals(List.of("40|third life|3.00"), () -> rows(target, "SELECT id || '|' || owner || '|'"
                + " || balance FROM bank.accounts WHERE id = 40"), DEADLINE);
    }

    @Test
    void keysShiftedOntoEachOtherInOneStatementEndInTheirNewPlaces(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO accounts VALUES (50, 'a', 0), (51, 'b', 0), (52, 'c', 0)",
                "UPDATE accounts SET id = id + 1 WHERE id BETWEEN 50 AND 52 ORDER BY id DESC",
                "UPDATE accounts SET id = id - 3 WHERE id BETWEEN 51 AND 53 ORDER BY id");

        Eventually.equals(List.of("48|a", "49|b", "50|c"), () -> rows(target, "SELECT id || '|' || owner"
                + " FROM bank.accounts WHERE id BETWEEN 45 AND 55 ORDER BY id"), DEADLINE);
    }

    @Test
    void aMultiTableTransactionArrivesWhole(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("START TRANSACTION",
                "INSERT INTO accounts VALUES (20, 'tx', 100.00)",
                "INSERT INTO movements VALUES (20, 1, 100.00, 'opening'), (20, 2, -30.00, 'rent')",
                "UPDATE accounts SET balance = 70.00 WHERE id = 20",
                "DELETE FROM movements WHERE account_id = 20 AND seq = 2",
                "INSERT INTO movements VALUES (20, 2, -30.00, 'rent, again')",
                "COMMIT");

        Eventually.equals(List.of("20|1|100.00|opening", "20|2|-30.00|rent, again"), () -> rows(target,
                "SELECT account_id || '|' || seq || '|' || amount || '|' || note FROM bank.movements"
                        + " WHERE account_id = 20 ORDER BY seq"), DEADLINE);
        assertThat(rows(target, "SELECT balance::text FROM bank.accounts WHERE id = 20")).containsExactly("70.00");
    }

    @Test
    void rowsOfATableWithoutKeyAreNotReplicated(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO free_text VALUES ('ignored')", "INSERT INTO accounts VALUES (30, 'marker', 0)");

        Eventually.equals(List.of("marker"), () -> rows(target, "SELECT owner FROM bank.accounts WHERE id = 30"),
                DEADLINE);
        assertThat(rows(target, "SELECT count(*)::text FROM bank.free_text")).containsExactly("0");
    }

    @Test
    void aTruncateEmptiesTheTableInOrderWithTheRowsAroundIt(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO scratch VALUES (1), (2), (3)", "TRUNCATE TABLE scratch",
                "INSERT INTO scratch VALUES (4)");

        Eventually.equals(List.of("4"), () -> rows(target, "SELECT id::text FROM bank.scratch ORDER BY id"),
                DEADLINE);
    }

    @Test
    void smallTransactionsCommittedInQuickSuccessionShareBatches(MariaDbDatabase source, PostgresDatabase target) {
        String before = rows(target, "SELECT coalesce(max(batch_id), 0)::text FROM chameleon_catalogue.log_batch")
                .get(0);
        // 20 source transactions 5 ms apart: without gathering, the reader (idle in between) logs each on its own
        source.execute(IntStream.rangeClosed(1, 20).boxed().flatMap(i -> Stream.of("INSERT INTO ticks VALUES (" + i
                + ")", "DO SLEEP(0.005)")).toArray(String[]::new));

        Eventually.equals(List.of("20"), () -> rows(target, "SELECT count(*)::text FROM bank.ticks"), DEADLINE);
        List<String> batches = rows(target, "SELECT count(*) || ' batches, ' || sum(transaction_count)"
                + " || ' transactions' FROM chameleon_catalogue.log_batch WHERE complete AND batch_id > " + before);
        assertThat(batches.get(0)).endsWith(" batches, 20 transactions");
        assertThat(Integer.parseInt(batches.get(0).split(" ")[0])).as(batches.get(0)).isLessThanOrEqualTo(10);
    }

    @Test
    void showStatusReportsTheRunningReplica(PostgresDatabase target) {
        Eventually.equals(List.of("running|true"), () -> rows(target, "SELECT status::text || '|' || consistent::text"
                + " FROM chameleon_catalogue.source"), DEADLINE);
    }

    private static List<String> rows(PostgresDatabase target, String sql) {
        return target.queryForList(sql).stream().map(row -> String.valueOf(row.get(0))).collect(Collectors.toList());
    }
}
