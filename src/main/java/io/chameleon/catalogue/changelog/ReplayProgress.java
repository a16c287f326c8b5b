package io.chameleon.catalogue.changelog;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a source's replay stands: which committed batches wait, and the progress marker that commits in the same
 * transaction as the rows it covers (replay exactly once). The caller owns the transaction.
 */
public final class ReplayProgress {

    /** Advisory lock class ("RPLY") of the per-source replay lock: one replaying transaction per source at a time. */
    private static final int LOCK_CLASS = 0x52504C59;

    private final Connection connection;
    private final String schema;

    public ReplayProgress(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** Serialises replay transactions of the source, so that two workers never apply a batch twice. */
    public void lock(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, sourceId);
            ps.execute();
        }
    }

    /**
     * The next batches to replay, in order ({@code batches}): whole batches totalling at most {@code maxRows} rows, but
     * always the first one, however large (a source transaction is never split); and whether they are {@code all}
     * this transaction's snapshot holds for replay now: nothing was left out for size (the rest, if any, waits behind
     * a transaction still being logged).
     */
    public record Next(List<Long> batches, boolean all) {
    }

    /** The next batches to replay, and whether they are all there is to replay now (see {@link Next}). */
    public Next next(int sourceId, int maxRows) throws SQLException {
        List<Long> batches = new ArrayList<>();
        boolean all = true;
        try (PreparedStatement ps = connection.prepareStatement("SELECT batch_id, row_count, complete FROM "
                + table("log_batch") + " WHERE source_id = ? AND replayed_at IS NULL ORDER BY batch_id LIMIT ?")) {
            ps.setInt(1, sourceId);
            ps.setInt(2, maxRows);
            try (ResultSet rs = ps.executeQuery()) {
                long total = 0;
                int seen = 0;
                while (rs.next()) {
                    seen++;
                    if (!rs.getBoolean(3)) {
                        break; // a transaction still being logged in parts: replay waits for its commit
                    }
                    long rows = Math.max(1, rs.getLong(2));
                    if (!batches.isEmpty() && total + rows > maxRows) {
                        all = false;
                        break;
                    }
                    batches.add(rs.getLong(1));
                    total += rows;
                }
                if (seen == maxRows) {
                    all = false; // the LIMIT may have cut the list
                }
            }
        }
        return new Next(batches, all);
    }

    /**
     * Advances the marker past the batches and marks them replayed, adding the rows and DDL statements applied;
     * same transaction as the applied rows.
     *
     * @return the source transactions those batches hold
     */
    public long record(int sourceId, List<Long> batches, long appliedRows, long appliedDdl) throws SQLException {
        Long[] ids = batches.toArray(Long[]::new);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("replay_progress") + " AS p"
                + " (source_id, last_batch_id, last_event_time, applied_rows, applied_ddl, updated_at)"
                + " VALUES (?, ?, (SELECT event_time FROM " + table("change_log") + " WHERE batch_id = ANY (?)"
                + " AND event_time IS NOT NULL ORDER BY batch_id DESC, event_seq DESC LIMIT 1), ?, ?, now())"
                + " ON CONFLICT (source_id) DO UPDATE SET last_batch_id = EXCLUDED.last_batch_id,"
                + " last_event_time = coalesce(EXCLUDED.last_event_time, p.last_event_time),"
                + " applied_rows = p.applied_rows + EXCLUDED.applied_rows,"
                + " applied_ddl = p.applied_ddl + EXCLUDED.applied_ddl, updated_at = now()")) {
            ps.setInt(1, sourceId);
            ps.setLong(2, batches.get(batches.size() - 1));
            ps.setArray(3, connection.createArrayOf("bigint", ids));
            ps.setLong(4, appliedRows);
            ps.setLong(5, appliedDdl);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("log_batch")
                + " SET replayed_at = now() WHERE batch_id = ANY (?) RETURNING transaction_count")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids));
            long transactions = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    transactions += rs.getLong(1);
                }
            }
            return transactions;
        }
    }

    public Optional<Long> lastBatchId(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_batch_id FROM "
                + table("replay_progress") + " WHERE source_id = ? AND last_batch_id IS NOT NULL")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Deletes the source's log_batch rows replayed longer ago than the retention interval; returns how many. */
    public int deleteReplayedBefore(int sourceId, String retention) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table("log_batch")
                + " WHERE source_id = ? AND replayed_at < now() - ?::interval")) {
            ps.setInt(1, sourceId);
            ps.setString(2, retention);
            return ps.executeUpdate();
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
