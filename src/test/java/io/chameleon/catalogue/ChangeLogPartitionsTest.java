package io.chameleon.catalogue;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping consumed change-log partitions from two sessions at once (the replay, maintenance, another source). */
@RealServers
class ChangeLogPartitionsTest {

    private static final String CATALOGUE = "cat_partitions";

    @Test
    void aPartitionDroppedByAnotherSessionMeanwhileIsNotAnError(PostgresDatabase database) throws Exception {
        try (Connection first = database.connect(); Connection second = database.connect()) {
            ChangeLogPartitions partitions = withTwoPartitions(first);
            assertThat(partitions.partitions(first)).containsExactly("change_log_p0", "change_log_p1");

            // the first session holds the first partition's lock, as a drop in progress does
            first.setAutoCommit(false);
            try (Statement st = first.createStatement()) {
                st.execute("LOCK TABLE " + CATALOGUE + ".change_log_p0 IN ACCESS EXCLUSIVE MODE");
            }
            long lastReplayed = 2 * ChangeLogPartitions.BATCHES_PER_PARTITION - 1;
            CompletableFuture<List<String>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return partitions.dropConsumed(second, lastReplayed);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.equals(true, () -> !database.queryForList("SELECT 1 FROM pg_locks WHERE NOT granted")
                    .isEmpty(), Duration.ofSeconds(10));
            try (Statement st = first.createStatement()) {
                st.execute("DROP TABLE " + CATALOGUE + ".change_log_p0");
            }
            first.commit();

            assertThat(waiting.get()).containsExactly("change_log_p1");
            assertThat(partitions.partitions(first)).isEmpty();
        }
    }

    /** The replay waits for NOTIFY after housekeeping: PgJDBC delivers none to a connection inside a transaction. */
    @Test
    void returnsBetweenTransactionsWhenNothingIsDropped(PostgresDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            ChangeLogPartitions partitions = freshCatalogue(connection);
            partitions.ensurePartitionFor(connection, ChangeLogPartitions.BATCHES_PER_PARTITION + 1);
            connection.setAutoCommit(false);

            assertThat(partitions.dropConsumed(connection, 1)).isEmpty();
            assertThat(partitions.dropConsumed(connection, 3 * ChangeLogPartitions.BATCHES_PER_PARTITION))
                    .containsExactly("change_log_p1");
            assertThat(partitions.dropConsumed(connection, 3 * ChangeLogPartitions.BATCHES_PER_PARTITION)).isEmpty();

            assertThat(connection.unwrap(BaseConnection.class).getTransactionState())
                    .isEqualTo(TransactionState.IDLE);
            assertThat(connection.getAutoCommit()).isFalse();
        }
    }

    /**
     * The reader's clean-up of incomplete batches deletes through change_log: it locks change_log, then each partition.
     * The drop holds its partition and then needs change_log: it must give up before PostgreSQL's deadlock detector
     * cancels either session (a cancelled housekeeping stopped the whole replica).
     */
    @Test
    void aDeleteThroughChangeLogMeanwhileNeitherDeadlocksNorFails(PostgresDatabase database) throws Exception {
        try (Connection reader = database.connect(); Connection replay = database.connect()) {
            ChangeLogPartitions partitions = withTwoPartitions(reader);

            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.execute("LOCK TABLE ONLY " + CATALOGUE + ".change_log IN ROW EXCLUSIVE MODE");
            }
            long lastReplayed = ChangeLogPartitions.BATCHES_PER_PARTITION;
            CompletableFuture<List<String>> dropping = CompletableFuture.supplyAsync(() -> {
                try {
                    replay.setAutoCommit(false);
                    return partitions.dropConsumed(replay, lastReplayed);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the drop holds change_log_p0 and waits for change_log (or has already given up)
            Eventually.equals(true, () -> dropping.isDone() || !database.queryForList("SELECT 1 FROM pg_locks"
                    + " WHERE NOT granted AND mode = 'AccessExclusiveLock'").isEmpty(), Duration.ofSeconds(10));
            try (Statement st = reader.createStatement()) {
                st.execute("DELETE FROM " + CATALOGUE + ".change_log WHERE batch_id IN (SELECT batch_id FROM "
                        + CATALOGUE + ".log_batch WHERE NOT complete)");
            }
            reader.commit();

            assertThat(dropping.get()).isEmpty();
            assertThat(partitions.dropConsumed(replay, lastReplayed)).containsExactly("change_log_p0");
        }
    }

    /** A new catalogue whose change log has its first two partitions, p0 and p1. */
    private static ChangeLogPartitions withTwoPartitions(Connection connection) throws Exception {
        ChangeLogPartitions partitions = freshCatalogue(connection);
        partitions.ensurePartitionFor(connection, 1);
        partitions.ensurePartitionFor(connection, ChangeLogPartitions.BATCHES_PER_PARTITION + 1);
        return partitions;
    }

    /** A new catalogue with its change log, and the partitions of it. */
    private static ChangeLogPartitions freshCatalogue(Connection connection) throws Exception {
        Catalogue catalogue = new Catalogue(connection, CATALOGUE, "test");
        catalogue.drop();
        catalogue.create();
        return new ChangeLogPartitions(CATALOGUE);
    }
}
