package io.chameleon.catalogue.changelog;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Where the reader of a source resumes: its read_position row, written in the transaction of what it logged. */
public final class ReadPositionRepository {

    /**
     * What a starting reader needs: where to resume, whether the target is consistent already, and else the
     * high-watermark taken after the copy (null when there is none) past which it becomes so.
     */
    public record StartState(BinlogPosition position, boolean consistent, BinlogPosition highWatermark) {
    }

    private final Connection connection;
    private final String schema;

    public ReadPositionRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /** The start state of a registered source; empty when it has no read position (never copied nor positioned). */
    public Optional<StartState> startState(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT r.binlog_file, r.binlog_position, r.gtid_set,"
                + " s.consistent, s.hw_binlog_file, s.hw_binlog_position FROM " + table("source") + " s LEFT JOIN "
                + table("read_position") + " r USING (source_id) WHERE s.source_id = ?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                BinlogPosition position = new BinlogPosition(rs.getString(1), rs.getLong(2), rs.getString(3));
                String hwFile = rs.getString(5);
                return Optional.of(new StartState(position, rs.getBoolean(4),
                        hwFile == null ? null : new BinlogPosition(hwFile, rs.getLong(6))));
            }
        }
    }

    /**
     * Where to resume reading, and up to which source time everything has been read (the event time of the last
     * change, or the present when a heartbeat shows the reader is caught up; 0 keeps the time recorded).
     */
    public void save(int sourceId, BinlogPosition position, long caughtUpMillis) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("read_position")
                + " (source_id, binlog_file, binlog_position, gtid_set, last_event_time, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (source_id) DO UPDATE SET binlog_file = excluded.binlog_file,"
                + " binlog_position = excluded.binlog_position, gtid_set = coalesce(excluded.gtid_set,"
                + " read_position.gtid_set), last_event_time = coalesce(excluded.last_event_time,"
                + " read_position.last_event_time), updated_at = now()")) {
            ps.setInt(1, sourceId);
            ps.setString(2, position.file());
            ps.setLong(3, position.position());
            ps.setString(4, position.gtidSet());
            ps.setTimestamp(5, caughtUpMillis > 0 ? new Timestamp(caughtUpMillis) : null);
            ps.executeUpdate();
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
