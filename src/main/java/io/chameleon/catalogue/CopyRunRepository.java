package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The {@code copy_run} table: one row per source for its last copy, written by the copying process (start, progress
 * every few seconds, end) and read by show_status. Needs an auto-commit connection.
 */
public final class CopyRunRepository {

    /** How far a copy is, as written to its row. */
    public record Progress(int tablesTotal, int tablesDone, long rowsCopied, long rowsEstimated, long bytesCopied) {
    }

    private final Connection connection;
    private final String schema;

    public CopyRunRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** The source's copy is starting in this process: its row is reset to running with no progress. */
    public void started(int sourceId, String command, String host, long pid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table()
                + " (source_id, command, state, host, pid) VALUES (?, ?, 'running', ?, ?)"
                + " ON CONFLICT (source_id) DO UPDATE SET command = excluded.command, state = 'running',"
                + " tables_total = 0, tables_done = 0, rows_copied = 0, rows_estimated = 0, bytes_copied = 0,"
                + " host = excluded.host, pid = excluded.pid, started_at = now(), updated_at = now(),"
                + " ended_at = NULL, message = NULL")) {
            ps.setInt(1, sourceId);
            ps.setString(2, command);
            ps.setString(3, host);
            ps.setLong(4, pid);
            ps.executeUpdate();
        }
    }

    /** Progress of the running copy of this process. */
    public void progress(int sourceId, long pid, Progress progress) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET tables_total = ?,"
                + " tables_done = ?, rows_copied = ?, rows_estimated = ?, bytes_copied = ?, updated_at = now()"
                + " WHERE source_id = ? AND pid = ? AND state = 'running'")) {
            ps.setInt(1, progress.tablesTotal());
            ps.setInt(2, progress.tablesDone());
            ps.setLong(3, progress.rowsCopied());
            ps.setLong(4, progress.rowsEstimated());
            ps.setLong(5, progress.bytesCopied());
            ps.setInt(6, sourceId);
            ps.setLong(7, pid);
            ps.executeUpdate();
        }
    }

    /** The copy of this process ended (finished or failed), with its last progress and a line saying how. */
    public void ended(int sourceId, long pid, String state, Progress progress, String message) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET state = ?,"
                + " tables_total = ?, tables_done = ?, rows_copied = ?, rows_estimated = ?, bytes_copied = ?,"
                + " updated_at = now(), ended_at = now(), message = ? WHERE source_id = ? AND pid = ?"
                + " AND state = 'running'")) {
            ps.setString(1, state);
            ps.setInt(2, progress.tablesTotal());
            ps.setInt(3, progress.tablesDone());
            ps.setLong(4, progress.rowsCopied());
            ps.setLong(5, progress.rowsEstimated());
            ps.setLong(6, progress.bytesCopied());
            ps.setString(7, message);
            ps.setInt(8, sourceId);
            ps.setLong(9, pid);
            ps.executeUpdate();
        }
    }

    /** Records that a copy left running by a process that is gone was killed; its last progress is kept. */
    public void markKilled(int sourceId, long pid, String message) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table() + " SET state = 'killed',"
                + " ended_at = updated_at, message = ? WHERE source_id = ? AND pid = ? AND state = 'running'")) {
            ps.setString(1, message);
            ps.setInt(2, sourceId);
            ps.setLong(3, pid);
            ps.executeUpdate();
        }
    }

    public Optional<CopyRun> last(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT source_id, command, state, tables_total,"
                + " tables_done, rows_copied, rows_estimated, bytes_copied, host, pid, started_at, updated_at,"
                + " ended_at, message, extract(epoch FROM now() - updated_at) FROM " + table()
                + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CopyRun(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getLong(10),
                        rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
                        rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                        Duration.ofMillis(Math.round(rs.getDouble(15) * 1000))));
            }
        }
    }

    private String table() {
        return PgIdentifiers.qualified(schema, "copy_run");
    }
}
