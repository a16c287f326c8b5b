package io.chameleon.ops;

import io.chameleon.testsupport.MariaDbDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a mix of source transactions until closed: multi-row inserts, updates of key ranges, deletes, key-changing
 * updates, delete + reinsert of a key, and multi-table transactions; {@link #largeTransaction} adds one of tens of
 * thousands of rows. Counts the row changes of committed transactions, which is what the change log must hold
 * exactly once. Every update changes every row it matches, so "rows matched" is "rows logged".
 */
final class MixedWorkload implements AutoCloseable {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance DECIMAL(12,2) NOT NULL,"
                    + " note TEXT, version INT NOT NULL)",
            "CREATE TABLE movements (account_id INT NOT NULL, seq INT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                    + " PRIMARY KEY (account_id, seq))",
            "CREATE TABLE bulk (id BIGINT PRIMARY KEY, n INT NOT NULL, pad VARCHAR(20) NOT NULL)",
            "INSERT INTO accounts SELECT seq, CONCAT('owner ', seq), seq / 100, IF(seq % 3 = 0, NULL, 'seed'), 0"
                    + " FROM seq_1_to_2000");

    static final List<TableDigest> TABLES = List.of(
            new TableDigest("accounts", "id", "id, owner, balance, note, version"),
            new TableDigest("movements", "account_id, seq", "account_id, seq, amount"),
            new TableDigest("bulk", "id", "id, n, pad"));

    private final MariaDbDatabase source;
    private final Thread thread;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final Random random = new Random(42);
    private final Duration pause;
    private int nextId = 1_000_000;
    private long nextBulkId = 1;
    private long bulkLow = 1;
    private long largeTransactions;
    private volatile boolean stopping;
    private volatile Throwable failure;

    /** @param pause between two transactions, to keep the machine responsive (zero: full speed) */
    MixedWorkload(MariaDbDatabase source, Duration pause) {
        this.source = source;
        this.pause = pause;
        this.thread = new Thread(this::run, "mixed-workload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Row changes of committed transactions so far (large ones included). */
    long changes() {
        return changes.get();
    }

    long transactions() {
        return transactions.get();
    }

    /**
     * One transaction of {@code rows} row changes on table bulk, alternately inserting new rows and updating or
     * deleting the oldest ones; runs on its own connection alongside the workload.
     */
    synchronized long largeTransaction(int rows) throws SQLException {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            long changed;
            long kind = largeTransactions++ % 3;
            if (nextBulkId - bulkLow < rows || kind == 0) {
                changed = st.executeUpdate("INSERT INTO bulk SELECT " + (nextBulkId - 1) + " + seq, seq, 'bulk'"
                        + " FROM seq_1_to_" + rows);
                nextBulkId += rows;
            } else if (kind == 1) {
                changed = st.executeUpdate("UPDATE bulk SET n = n + 1, pad = 'updated' WHERE id BETWEEN " + bulkLow
                        + " AND " + (bulkLow + rows - 1));
            } else {
                changed = st.executeUpdate("DELETE FROM bulk WHERE id BETWEEN " + bulkLow + " AND "
                        + (bulkLow + rows - 1));
                bulkLow += rows;
            }
            c.commit();
            changes.addAndGet(changed);
            transactions.incrementAndGet();
            return changed;
        }
    }

    private void run() {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            while (!stopping) {
                long changed = oneTransaction(st);
                c.commit();
                changes.addAndGet(changed);
                transactions.incrementAndGet();
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (SQLException | RuntimeException | InterruptedException e) {
            failure = e;
        }
    }

    private long oneTransaction(Statement st) throws SQLException {
        int existing = 1 + random.nextInt(2000);
        return switch (random.nextInt(7)) {
            case 0 -> {
                StringBuilder values = new StringBuilder();
                int rows = 1 + random.nextInt(20);
                for (int i = 0; i < rows; i++) {
                    values.append(i == 0 ? "" : ", ").append("(").append(nextId++).append(", 'new', ")
                            .append(random.nextInt(100_000) / 100.0).append(", NULL, 0)");
                }
                yield st.executeUpdate("INSERT INTO accounts VALUES " + values);
            }
            case 1 -> st.executeUpdate("UPDATE accounts SET balance = balance + 1, version = version + 1"
                    + " WHERE id BETWEEN " + existing + " AND " + (existing + random.nextInt(30)));
            case 2 -> st.executeUpdate("DELETE FROM accounts WHERE id BETWEEN " + existing + " AND "
                    + (existing + random.nextInt(3)));
            case 3 -> { // a key-changing update: the row moves to a new key
                yield st.executeUpdate("UPDATE accounts SET id = " + nextId++ + ", version = version + 1"
                        + " WHERE id = " + existing);
            }
            case 4 -> { // delete and reinsert the same key in one transaction
                long deleted = st.executeUpdate("DELETE FROM accounts WHERE id = " + existing);
                yield deleted + st.executeUpdate("INSERT INTO accounts VALUES (" + existing + ", 'reborn', 1.00,"
                        + " 'again', 7)");
            }
            default -> { // a multi-table transaction
                int account = nextId++;
                long n = st.executeUpdate("INSERT INTO accounts VALUES (" + account + ", 'with movements', 0,"
                        + " NULL, 0)");
                n += st.executeUpdate("INSERT INTO movements VALUES (" + account + ", 1, 10.00), (" + account
                        + ", 2, -2.50), (" + account + ", 3, 4.25)");
                n += st.executeUpdate("UPDATE accounts SET balance = 11.75, version = 1 WHERE id = " + account);
                n += st.executeUpdate("DELETE FROM movements WHERE account_id = " + account + " AND seq = 2");
                yield n;
            }
        };
    }

    /** Stops after the transaction at hand; fails if the workload failed. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(30_000);
        if (thread.isAlive()) {
            throw new IllegalStateException("the workload did not stop within 30 s");
        }
        if (failure != null) {
            throw new IllegalStateException("the workload failed after " + transactions() + " transactions", failure);
        }
    }
}
