package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the processes started for a source is the active one: the holder of a session-level advisory lock
 * keyed by catalogue schema and source id, on a connection of its own. The lock lives exactly as long as that
 * session, so a process that dies or loses the connection loses it, and a waiting process gets it. Each process
 * also keeps a row in {@code replica_process} (role, since, alive_at) for show_status.
 */
public final class SourceLease implements AutoCloseable {

    /** A process not heard from for this long is left out of show_status (they report every second or so). */
    public static final Duration GONE_AFTER = Duration.ofSeconds(20);

    public enum Role { STANDBY, ACTIVE }

    /** One process of a source as show_status lists it. */
    public record Process(int sourceId, String host, long pid, String role, OffsetDateTime since) {
    }

    private final Connection connection;
    private final String schema;
    private final int sourceId;
    private final String host;
    private final long pid;
    private Role reported;

    /** @param connection the lease's own connection: its session holds the lock; closed with the lease */
    public SourceLease(Connection connection, String catalogueSchema, int sourceId, String host, long pid)
            throws SQLException {
        this.connection = connection;
        this.schema = catalogueSchema;
        this.sourceId = sourceId;
        this.host = host;
        this.pid = pid;
        connection.setAutoCommit(true);
    }

    /** Takes the source's lock if no other session holds it; never waits. */
    public boolean tryAcquire() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?), ?)")) {
            ps.setString(1, lockName());
            ps.setInt(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * With the lock held: increments the source's epoch and returns the fence of the new value. The row lock
     * (FOR UPDATE) waits for every transaction of a previous active process that checked the old value and is
     * still open; after this commits, none of them can commit any more (see {@link SourceFence}).
     */
    public SourceFence takeOver() throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement ps = connection.prepareStatement("SELECT epoch FROM " + table("source")
                    + " WHERE source_id = ? FOR UPDATE")) {
                ps.setInt(1, sourceId);
                ps.executeQuery().close();
            }
            long epoch;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                    + " SET epoch = epoch + 1 WHERE source_id = ? RETURNING epoch")) {
                ps.setInt(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("source id " + sourceId + " is no longer registered", "02000");
                    }
                    epoch = rs.getLong(1);
                }
            }
            report(Role.ACTIVE);
            connection.commit();
            return new SourceFence(schema, sourceId, epoch);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Gives the lock back (the source stays in the hands of whoever takes it next). */
    public void release() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?), ?)")) {
            ps.setString(1, lockName());
            ps.setInt(2, sourceId);
            ps.execute();
        }
    }

    /**
     * Records this process's role and that it is alive, on the lease's connection: for the active process a
     * failure here means the session, and with it the lock, may be gone.
     */
    public void report(Role role) throws SQLException {
        boolean changed = role != reported;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("replica_process")
                + " AS p (source_id, host, pid, role) VALUES (?, ?, ?, ?) ON CONFLICT (source_id, host, pid) DO UPDATE"
                + " SET role = EXCLUDED.role, alive_at = now(),"
                + " since = CASE WHEN p.role = EXCLUDED.role THEN p.since ELSE now() END")) {
            ps.setInt(1, sourceId);
            ps.setString(2, host);
            ps.setLong(3, pid);
            ps.setString(4, role.name().toLowerCase(java.util.Locale.ROOT));
            ps.executeUpdate();
        }
        if (changed) {
            reported = role;
        }
    }

    /** Whether the lock's session is still there (a session-level lock lives as long as its session). */
    public boolean sessionAlive(Duration timeout) {
        try {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Removes this process's row and closes the connection, which frees the lock if still held. */
    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table("replica_process")
                + " WHERE source_id = ? AND host = ? AND pid = ?")) {
            ps.setInt(1, sourceId);
            ps.setString(2, host);
            ps.setLong(3, pid);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the row ages out of show_status
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    /** The processes of every source heard from recently, active first, then by age. */
    public static List<Process> processes(Connection connection, String catalogueSchema) throws SQLException {
        List<Process> processes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT source_id, host, pid, role, since FROM "
                + PgIdentifiers.qualified(catalogueSchema, "replica_process")
                + " WHERE alive_at > now() - ?::interval ORDER BY source_id, role, since")) {
            ps.setString(1, GONE_AFTER.toSeconds() + " seconds");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    processes.add(new Process(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)));
                }
            }
        }
        return processes;
    }

    private String lockName() {
        return "chameleon active replica " + schema;
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
