package io.chameleon.copy;

import io.chameleon.testsupport.MariaDbDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A writer on the source: inserts rows with increasing ids ({@code first}, {@code first + 1}, ...) into each of
 * its tables in turn, one autocommit transaction per row, until closed.
 */
final class InsertWorkload implements AutoCloseable {

    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private long inserted;

    InsertWorkload(MariaDbDatabase source, List<String> tables, long first) {
        thread = new Thread(() -> run(source, tables, first), "insert-workload");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(MariaDbDatabase source, List<String> tables, long first) {
        try (Connection connection = source.connect()) {
            List<PreparedStatement> inserts = new ArrayList<>();
            for (String table : tables) {
                inserts.add(connection.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)"));
            }
            for (long id = first; !stopping; id++) {
                for (PreparedStatement insert : inserts) {
                    insert.setLong(1, id);
                    insert.setString(2, "written during the copy " + id);
                    insert.executeUpdate();
                }
                synchronized (progress) {
                    inserted++;
                    progress.notifyAll();
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Waits until {@code ids} ids were written to every table. */
    void awaitInserted(long ids, Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (inserted < ids && failure == null) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the workload wrote " + inserted + " of " + ids + " ids in " + timeout);
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
        if (failure != null) {
            throw new IllegalStateException("the workload failed", failure);
        }
    }

    /** Stops after the row being written; fails if the workload failed. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofSeconds(30).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the workload did not stop within 30 s");
        }
        if (failure != null) {
            throw new IllegalStateException("the workload failed", failure);
        }
    }
}
