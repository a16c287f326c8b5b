package io.chameleon.catalogue;

import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The arbitration and fencing of a source's processes against a real PostgreSQL: one lock holder at a time, a
 * successor's epoch waits for the transactions of the stale holder that passed the check, and no stale transaction
 * commits after it. Also prints what the check costs per transaction.
 */
@RealServers
class SourceLeaseTest {

    private static final String CATALOGUE = "lease_cat";
    private static final BinlogPosition AT = new BinlogPosition("mysql-bin.000001", 4);

    @Test
    void oneHolderAtATimeAndAStaleHolderCannotCommitAfterTheTakeover(PostgresDatabase database) throws Exception {
        int sourceId;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.create();
            sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop", "shop")).id();
        }
        SourceLease first = new SourceLease(database.connect(), CATALOGUE, sourceId, "host-a", 1);
        SourceLease second = new SourceLease(database.connect(), CATALOGUE, sourceId, "host-b", 2);
        try (second) {
            assertThat(first.tryAcquire()).isTrue();
            SourceFence stale = first.takeOver();
            second.report(SourceLease.Role.STANDBY);
            assertThat(second.tryAcquire()).as("lock held by the first process").isFalse();
            try (Connection c = database.connect()) {
                assertThat(SourceLease.processes(c, CATALOGUE)).extracting(SourceLease.Process::host,
                        SourceLease.Process::role).containsExactly(org.assertj.core.groups.Tuple.tuple("host-a",
                        "active"), org.assertj.core.groups.Tuple.tuple("host-b", "standby"));
            }

            try (ChangeLogWriter staleWriter = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId, stale)) {
                long batch = staleWriter.openBatch(AT, 0);
                staleWriter.completeBatch(batch, AT, 1, 0, 0);
                staleWriter.connection().createStatement().execute("SELECT 1"); // still open
                // the stale process's transaction passes the check while its lock session is lost ...
                new SourceFence(CATALOGUE, sourceId, stale.epoch()).check(staleWriter.connection());
                first.close();
                long until = System.nanoTime() + 10_000_000_000L; // the server ends the session asynchronously
                boolean acquired = second.tryAcquire();
                while (!acquired && System.nanoTime() < until) {
                    Thread.sleep(20);
                    acquired = second.tryAcquire();
                }
                assertThat(acquired).as("the lock is free once its session is gone").isTrue();
                // ... so the successor's epoch waits for that transaction to end
                CompletableFuture<SourceFence> takeover = CompletableFuture.supplyAsync(() -> {
                    try {
                        return second.takeOver();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(takeover).as("epoch increment waits for the open stale transaction").isNotDone();
                staleWriter.commit(false);
                SourceFence current = takeover.get(10, TimeUnit.SECONDS);
                assertThat(current.epoch()).isEqualTo(stale.epoch() + 1);

                // after the takeover committed, every stale transaction fails at its commit and leaves nothing
                long lost = staleWriter.openBatch(AT, 0);
                staleWriter.completeBatch(lost, AT, 1, 0, 0);
                assertThatThrownBy(() -> staleWriter.commit(true)).isInstanceOf(FencedOutException.class)
                        .hasMessageContaining("another process became the active replica");
                staleWriter.rollback();
                try (Connection c = database.connect()) {
                    assertThat(count(c, "SELECT count(*) FROM lease_cat.log_batch WHERE batch_id = " + lost))
                            .isZero();
                    assertThat(count(c, "SELECT count(*) FROM lease_cat.log_batch WHERE epoch = " + stale.epoch()))
                            .isEqualTo(1);
                }

                try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId,
                        current)) {
                    long batch2 = writer.openBatch(AT, 0);
                    writer.completeBatch(batch2, AT, 1, 0, 0);
                    writer.commit(false);
                    printCheckCost(writer.connection(), current);
                }
            }
        }
    }

    /** Round trips of the check alone, in transactions as small as the reader's smallest (one batch each). */
    private static void printCheckCost(Connection c, SourceFence fence) throws Exception {
        int n = 2000;
        for (int warm = 0; warm < 200; warm++) {
            fence.check(c);
            c.commit();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            fence.check(c);
            c.commit();
        }
        long withCheck = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.createStatement().execute("SELECT 1");
            c.commit();
        }
        long plain = System.nanoTime() - start;
        System.out.printf("[fence] check + commit %.1f µs, SELECT 1 + commit %.1f µs per transaction (%d each)%n",
                withCheck / 1000.0 / n, plain / 1000.0 / n, n);
        assertThat(List.of(withCheck / n)).allMatch(perTransaction -> perTransaction < 5_000_000L);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
