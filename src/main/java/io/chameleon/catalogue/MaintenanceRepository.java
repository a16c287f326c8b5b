package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalogue maintenance: what is kept past retention (replay errors, discarded rows; replayed batches are
 * {@link io.chameleon.catalogue.changelog.ReplayProgress}'s), the figures shown before and after, and VACUUM of the
 * catalogue tables. The change log is left out of VACUUM: its rows are only inserted, then dropped a partition at
 * a time once replayed ({@link ChangeLogPartitions}), so it holds no dead rows. Needs an auto-commit connection.
 */
public final class MaintenanceRepository {

    /** Counts and sizes shown before and after maintenance. */
    public record Figures(long batches, long replayedBatches, int changeLogPartitions, long replayErrors,
                          long discardedRows, long catalogueBytes) {
    }

    /** One catalogue table vacuumed, or skipped because it stayed locked longer than allowed. */
    public record Vacuumed(String table, long bytesBefore, long bytesAfter, boolean skipped) {
    }

    private final Connection connection;
    private final String schema;

    public MaintenanceRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    public Figures figures(int sourceId) throws SQLException {
        String sql = "SELECT (SELECT count(*) FROM " + table("log_batch") + " WHERE source_id = ?),"
                + " (SELECT count(*) FROM " + table("log_batch") + " WHERE source_id = ? AND replayed_at IS NOT NULL),"
                + " (SELECT count(*) FROM pg_inherits WHERE inhparent = ?::regclass),"
                + " (SELECT count(*) FROM " + table("replay_error") + " WHERE source_id = ?),"
                + " (SELECT count(*) FROM " + table("discarded_row") + " WHERE source_id = ?),"
                + " (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                + "   WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'r')";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            ps.setInt(2, sourceId);
            ps.setString(3, table("change_log"));
            ps.setInt(4, sourceId);
            ps.setInt(5, sourceId);
            ps.setString(6, PgIdentifiers.quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Figures(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }
    }

    /** Deletes the source's replay errors older than {@code retention} (a PostgreSQL interval). */
    public int deleteReplayErrorsBefore(int sourceId, String retention) throws SQLException {
        return deleteOlder("replay_error", "occurred_at", sourceId, retention);
    }

    /** Deletes the source's discarded-row records older than {@code retention} (a PostgreSQL interval). */
    public int deleteDiscardedRowsBefore(int sourceId, String retention) throws SQLException {
        return deleteOlder("discarded_row", "discarded_at", sourceId, retention);
    }

    /**
     * VACUUM (ANALYZE), or VACUUM (FULL, ANALYZE), of every catalogue table but the change log, one at a time. A
     * plain VACUUM takes no lock that stops the reader or the replay; VACUUM FULL rewrites each table under an
     * exclusive lock, so a table whose lock is not granted within {@code lockWait} is skipped rather than queued
     * (a queued exclusive lock would stall the replica behind it).
     */
    public List<Vacuumed> vacuum(boolean full, Duration lockWait) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_class c"
                + " WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'r' AND NOT c.relispartition"
                + " ORDER BY c.relname")) {
            ps.setString(1, PgIdentifiers.quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<Vacuumed> vacuumed = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SET lock_timeout = " + PgIdentifiers.literal(lockWait.toMillis() + "ms"));
            try {
                for (String name : tables) {
                    long before = size(name);
                    boolean skipped = false;
                    try {
                        st.execute("VACUUM (" + (full ? "FULL, " : "") + "ANALYZE) " + table(name));
                    } catch (SQLException e) {
                        if (!"55P03".equals(e.getSQLState())) {
                            throw e;
                        }
                        skipped = true;
                    }
                    vacuumed.add(new Vacuumed(name, before, size(name), skipped));
                }
            } finally {
                st.execute("RESET lock_timeout");
            }
        }
        return vacuumed;
    }

    /** When maintenance last ran for the source; empty when never. */
    public Optional<OffsetDateTime> maintainedAt(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT maintained_at FROM " + table("source")
                + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        }
    }

    /**
     * Whether {@code interval} (a PostgreSQL interval) has passed since the source's last maintenance, or since it
     * was registered when it never had one.
     */
    public boolean due(int sourceId, String interval) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT coalesce(maintained_at, created_at)"
                + " + ?::interval <= now() FROM " + table("source") + " WHERE source_id = ?")) {
            ps.setString(1, interval);
            ps.setInt(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** When the next automatic pass is due under {@code interval} (a PostgreSQL interval). */
    public OffsetDateTime nextDue(int sourceId, String interval) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT coalesce(maintained_at, created_at)"
                + " + ?::interval FROM " + table("source") + " WHERE source_id = ?")) {
            ps.setString(1, interval);
            ps.setInt(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    /** An interval's length, asked of PostgreSQL, which reads the text. */
    public Duration length(String interval) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT extract(epoch FROM ?::interval)")) {
            ps.setString(1, interval);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Duration.ofMillis(Math.round(rs.getDouble(1) * 1000));
            }
        }
    }

    public void recordMaintained(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                + " SET maintained_at = now() WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            ps.executeUpdate();
        }
    }

    private int deleteOlder(String tableName, String timeColumn, int sourceId, String retention)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table(tableName)
                + " WHERE source_id = ? AND " + timeColumn + " < now() - ?::interval")) {
            ps.setInt(1, sourceId);
            ps.setString(2, retention);
            return ps.executeUpdate();
        }
    }

    private long size(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_total_relation_size(?::regclass)")) {
            ps.setString(1, table(name));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
