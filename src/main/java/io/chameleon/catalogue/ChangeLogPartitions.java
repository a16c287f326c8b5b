package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partitions of the change log, one per fixed range of batch ids. The reader creates the partition of each
 * batch it writes; the replay worker drops partitions once every batch in them is replayed, so consumed rows go
 * away without DELETE and without VACUUM debt.
 */
public final class ChangeLogPartitions {

    /**
     * Batch ids per partition. A partition is freed only when its last batch is replayed, so fewer batches per
     * partition return space sooner; more mean less catalogue churn (a CREATE and a DROP per partition, each taking
     * a short exclusive lock on change_log). At one small batch per source transaction, 256 batches still mean a
     * partition change every few seconds at most, while at 10,000 rows per batch a partition holds a few million rows.
     */
    public static final long BATCHES_PER_PARTITION = 256;

    /** How long dropping a partition may wait for the reader's and replay's locks before it is left for later. */
    private static final String DROP_LOCK_TIMEOUT = "2s";
    /**
     * How long the drop, already holding its partition, may wait for change_log itself. Sessions that go through
     * change_log (the reader's clean-up of incomplete batches, another source's replay) lock it first and the
     * partitions after: waiting longer than PostgreSQL's deadlock_timeout (1 s by default) would let its detector
     * cancel one of them. Giving up well before leaves the partition for the next housekeeping.
     */
    private static final String DROP_PARENT_LOCK_TIMEOUT = "200ms";

    private static final String PREFIX = "change_log_p";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)");
    private static final int CREATE_ATTEMPTS = 5;

    private final String schema;

    public ChangeLogPartitions(String catalogueSchema) {
        this.schema = catalogueSchema;
    }

    /** First batch id of the partition holding {@code batchId}. */
    public static long lowerBound(long batchId) {
        return Math.floorDiv(batchId, BATCHES_PER_PARTITION) * BATCHES_PER_PARTITION;
    }

    /**
     * Makes sure the partition for {@code batchId} exists. Call it inside the transaction that writes the batch:
     * the partition is then locked against {@link #dropConsumed} until that transaction ends. Idempotent; when two
     * sessions race to create it, the loser retries and finds it.
     */
    public void ensurePartitionFor(Connection connection, long batchId) throws SQLException {
        long lower = lowerBound(batchId);
        String partition = table(PREFIX + (lower / BATCHES_PER_PARTITION));
        String create = "CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF " + table("change_log")
                + " FOR VALUES FROM (" + lower + ") TO (" + (lower + BATCHES_PER_PARTITION) + ")";
        if (connection.getAutoCommit()) {
            try (Statement st = connection.createStatement()) {
                st.execute(create);
            }
            return;
        }
        // one round trip; the lock closes the gap between "exists" and this transaction's inserts
        String guarded = "SAVEPOINT ensure_partition; " + create + "; LOCK TABLE " + partition
                + " IN ROW EXCLUSIVE MODE; RELEASE SAVEPOINT ensure_partition";
        for (int attempt = 1; ; attempt++) {
            try (Statement st = connection.createStatement()) {
                st.execute(guarded);
                return;
            } catch (SQLException e) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK TO SAVEPOINT ensure_partition; RELEASE SAVEPOINT ensure_partition");
                }
                if (!isCreateRace(e) || attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Drops every partition whose batches are all at or below {@code lastReplayedBatchId} and none of whose batches
     * (of any source sharing it) waits for replay. Commits after each partition, so call it between transactions; it
     * returns between transactions too.
     * Gives up quietly when a lock is not granted quickly; the next call retries. Returns the partitions dropped.
     */
    public List<String> dropConsumed(Connection connection, long lastReplayedBatchId) throws SQLException {
        List<String> dropped = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<String> candidates = partitionsBelow(connection, lastReplayedBatchId + 1);
            // the listing is a read; ending its transaction here leaves the caller between transactions whatever
            // follows (a connection left in one hears no NOTIFY: the replay's wait would spin until sleep_loop ends)
            connection.commit();
            for (String partition : candidates) {
                Drop outcome = dropIfConsumed(connection, partition);
                if (outcome == Drop.KEPT) {
                    break;
                }
                if (outcome == Drop.DROPPED) {
                    dropped.add(partition);
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return dropped;
    }

    /** Partition names in batch order (for tests and status). */
    public List<String> partitions(Connection connection) throws SQLException {
        return partitionsBelow(connection, Long.MAX_VALUE);
    }

    /** What became of one partition: dropped here, already dropped by another session, or kept. */
    private enum Drop { DROPPED, GONE, KEPT }

    private Drop dropIfConsumed(Connection connection, String partition) throws SQLException {
        long lower = Long.parseLong(partition.substring(PREFIX.length())) * BATCHES_PER_PARTITION;
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + PgIdentifiers.literal(DROP_LOCK_TIMEOUT));
            // waits for writers already inside the partition; after it, no batch of the range can appear unseen
            st.execute("LOCK TABLE " + table(partition) + " IN ACCESS EXCLUSIVE MODE");
            boolean pending;
            try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table("log_batch")
                    + " WHERE batch_id >= " + lower + " AND batch_id < " + (lower + BATCHES_PER_PARTITION)
                    + " AND replayed_at IS NULL)")) {
                rs.next();
                pending = rs.getBoolean(1);
            }
            if (pending) {
                connection.rollback();
                return Drop.KEPT;
            }
            st.execute("SET LOCAL lock_timeout = " + PgIdentifiers.literal(DROP_PARENT_LOCK_TIMEOUT));
            // DROP TABLE of a partition takes change_log's exclusive lock too; taken here, its wait is bounded
            st.execute("LOCK TABLE ONLY " + table("change_log") + " IN ACCESS EXCLUSIVE MODE");
            st.execute("DROP TABLE " + table(partition));
            connection.commit();
            return Drop.DROPPED;
        } catch (SQLException e) {
            connection.rollback();
            // lock_not_available, or deadlock_detected where the server's deadlock_timeout is shorter still
            if ("55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())) {
                return Drop.KEPT;
            }
            // the replay of another source, or maintenance, dropped it first
            if ("42P01".equals(e.getSQLState())) {
                return Drop.GONE;
            }
            throw e;
        }
    }

    private List<String> partitionsBelow(Connection connection, long upperBound) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ?::regclass")) {
            ps.setString(1, table("change_log"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = NAME.matcher(rs.getString(1));
                    if (m.matches()) {
                        long index = Long.parseLong(m.group(1));
                        if ((index + 1) * BATCHES_PER_PARTITION <= upperBound) {
                            indexes.add(index);
                        }
                    }
                }
            }
        }
        return indexes.stream().sorted().map(i -> PREFIX + i).toList();
    }

    private static boolean isCreateRace(SQLException e) {
        String state = e.getSQLState();
        // duplicate_table / unique_violation (catalogue row of a concurrent create) / undefined_table (dropped in between)
        return "42P07".equals(state) || "23505".equals(state) || "42P01".equals(state);
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
