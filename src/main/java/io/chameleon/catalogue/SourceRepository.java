package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registered sources and their schema mappings in the catalogue. */
public final class SourceRepository {

    private final Connection connection;
    private final String schema;

    public SourceRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
    }

    /**
     * Registers a source. Refuses a name already registered and a destination schema that another source (or
     * another database of this one) already maps to: a destination schema belongs to one source only.
     */
    public SourceRecord register(String name, String type, Map<String, String> schemaMappings) {
        if (schemaMappings.isEmpty()) {
            throw new StateException("source '" + name + "' has no schema_mappings; map at least one MySQL database");
        }
        return inTransaction(() -> {
            Optional<SourceRecord> existing = find(name);
            if (existing.isPresent()) {
                throw new StateException("source '" + name + "' is already registered (id " + existing.get().id()
                        + "); drop it first with 'drop_source --source " + name + "' or choose another name");
            }
            checkDestinationsFree(name, schemaMappings);
            int id;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("source")
                    + " (source_name, source_type) VALUES (?, ?) RETURNING source_id")) {
                ps.setString(1, name);
                ps.setString(2, type);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("schema_mapping")
                    + " (source_id, origin_schema, destination_schema) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> mapping : schemaMappings.entrySet()) {
                    ps.setInt(1, id);
                    ps.setString(2, mapping.getKey());
                    ps.setString(3, mapping.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new SourceRecord(id, name, type, SourceStatus.READY, false, Map.copyOf(schemaMappings));
        });
    }

    /** Removes the source with everything the catalogue holds for it; replicated tables are not touched. */
    public void remove(String name) {
        inTransaction(() -> {
            SourceRecord source = require(name);
            if (source.status().isActive()) {
                throw new StateException("source '" + name + "' is " + source.status().label()
                        + "; stop it with 'stop_replica --source " + name + "' before dropping it");
            }
            // change_log has no foreign key to log_batch (see V5), so its rows do not cascade
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table("change_log")
                    + " WHERE batch_id IN (SELECT batch_id FROM " + table("log_batch") + " WHERE source_id = ?)")) {
                ps.setInt(1, source.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table("row_layout")
                    + " WHERE table_id IN (SELECT table_id FROM " + table("replicated_table")
                    + " WHERE source_id = ?)")) {
                ps.setInt(1, source.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM " + table("source") + " WHERE source_id = ?")) {
                ps.setInt(1, source.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<SourceRecord> find(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT source_id, source_name, source_type, "
                + "status::text, consistent FROM " + table("source") + " WHERE source_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int id = rs.getInt(1);
                return Optional.of(new SourceRecord(id, rs.getString(2), rs.getString(3),
                        SourceStatus.fromLabel(rs.getString(4)), rs.getBoolean(5), mappingsOf(id)));
            }
        }
    }

    /** The source, or a state error telling how to register it. */
    public SourceRecord require(String name) {
        try {
            return find(name).orElseThrow(() -> new StateException("source '" + name
                    + "' is not registered in the catalogue; run 'chameleon add_source --source " + name + "'"));
        } catch (SQLException e) {
            throw failure("read source " + name, e);
        }
    }

    public void setStatus(String name, SourceStatus status) {
        setStatus(name, status, null);
    }

    /** Sets the status with a line saying why (shown by show_status --source); null clears it. */
    public void setStatus(String name, SourceStatus status, String detail) {
        inTransaction(() -> {
            SourceRecord source = require(name);
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                    + " SET status = ?::" + table("source_status") + ", status_detail = ?, status_changed_at = now()"
                    + " WHERE source_id = ?")) {
                ps.setString(1, status.label());
                ps.setString(2, detail);
                ps.setInt(3, source.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records the end of a copy in the caller's transaction: where the stream starts reading, the high-watermark
     * after which the source is consistent, and the new status.
     */
    public void recordCopy(int sourceId, BinlogPosition readFrom, BinlogPosition highWatermark, SourceStatus status,
                           String detail) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                + " SET status = ?::" + table("source_status") + ", status_detail = ?, status_changed_at = now(),"
                + " consistent = false, hw_binlog_file = ?, hw_binlog_position = ?, hw_gtid_set = ?"
                + " WHERE source_id = ?")) {
            ps.setString(1, status.label());
            ps.setString(2, detail);
            ps.setString(3, highWatermark.file());
            ps.setLong(4, highWatermark.position());
            ps.setString(5, highWatermark.gtidSet());
            ps.setInt(6, sourceId);
            ps.executeUpdate();
        }
        if (readFrom != null) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("read_position")
                    + " (source_id, binlog_file, binlog_position, gtid_set) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (source_id) DO UPDATE SET binlog_file = excluded.binlog_file,"
                    + " binlog_position = excluded.binlog_position, gtid_set = excluded.gtid_set,"
                    + " last_event_time = NULL, updated_at = now()")) {
                ps.setInt(1, sourceId);
                ps.setString(2, readFrom.file());
                ps.setLong(3, readFrom.position());
                ps.setString(4, readFrom.gtidSet());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Marks every batch of the source not replayed yet as replayed, unapplied: after a full copy they are the old
     * stream's, and the copy already holds what they did (their DDL would even hit the re-created tables). The
     * caller owns the transaction; returns how many were dropped.
     */
    public int discardUnreplayedBatches(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("log_batch")
                + " SET replayed_at = now() WHERE source_id = ? AND replayed_at IS NULL")) {
            ps.setInt(1, sourceId);
            return ps.executeUpdate();
        }
    }

    /** Declares the source consistent (it starts from given coordinates, so nothing is waiting for a copy). */
    public void markConsistent(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + table("source") + " SET consistent = true WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            ps.executeUpdate();
        }
    }

    /** The name of the source with this id; empty when no source has it. */
    public Optional<String> name(int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT source_name FROM " + table("source") + " WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Stamps the source with the process replicating it and the time now: its liveness, which show_status reads. */
    public void stampProcess(int sourceId, String host, long pid) throws SQLException {
        stampProcess(sourceId, host, pid, null);
    }

    /** The same, only while the source's fencing epoch is {@code epoch} (null: whatever it is). */
    public void stampProcess(int sourceId, String host, long pid, Long epoch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                + " SET process_host = ?, process_pid = ?, alive_at = now() WHERE source_id = ?"
                + " AND (?::bigint IS NULL OR epoch = ?::bigint)")) {
            ps.setString(1, host);
            ps.setLong(2, pid);
            ps.setInt(3, sourceId);
            ps.setObject(4, epoch, java.sql.Types.BIGINT);
            ps.setObject(5, epoch, java.sql.Types.BIGINT);
            ps.executeUpdate();
        }
    }

    /** Removes the process stamp (the process ends normally). */
    public void clearProcessStamp(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                + " SET process_host = NULL, process_pid = NULL, alive_at = NULL WHERE source_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** Replaces the status detail of a running source (a stopped or failed one keeps the line saying why). */
    public void setRunningDetail(int sourceId, String detail) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("source")
                + " SET status_detail = ? WHERE source_id = ? AND status = 'running'")) {
            ps.setString(1, detail);
            ps.setInt(2, sourceId);
            ps.executeUpdate();
        }
    }

    /** The status detail line of a source, or null. */
    public String statusDetail(String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT status_detail FROM " + table("source")
                + " WHERE source_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read the status of source " + name, e);
        }
    }

    /**
     * Sources a process is working on; the catalogue must not change under them. Reads only the table of
     * version 1, so it works on a catalogue waiting for an upgrade.
     */
    public List<SourceRecord> active() {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT source_name FROM " + table("source")
                + " WHERE status::text = ANY (?) ORDER BY source_id")) {
            ps.setArray(1, connection.createArrayOf("text", activeLabels()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("list active sources", e);
        }
        return names.stream().map(this::require).toList();
    }

    private static Object[] activeLabels() {
        return Arrays.stream(SourceStatus.values()).filter(SourceStatus::isActive)
                .map(SourceStatus::label).toArray();
    }

    /** Every registered source with its read and replay times, ordered by id. */
    public List<SourceOverview> overview() {
        String sql = "SELECT s.source_id, s.source_name, s.source_type, s.status::text, s.consistent,"
                + " r.last_event_time, extract(epoch FROM now() - r.last_event_time),"
                + " p.last_event_time,"
                // nothing left to replay: replay is as far as the reader
                + " CASE WHEN r.last_event_time IS NULL THEN NULL WHEN EXISTS (SELECT 1 FROM " + table("log_batch") + " b WHERE b.source_id = s.source_id"
                + "   AND b.complete AND b.replayed_at IS NULL)"
                + "  THEN extract(epoch FROM r.last_event_time - p.last_event_time) ELSE 0 END,"
                + " extract(epoch FROM now() - s.alive_at), s.process_host, s.process_pid"
                + " FROM " + table("source") + " s"
                + " LEFT JOIN " + table("read_position") + " r USING (source_id)"
                + " LEFT JOIN " + table("replay_progress") + " p USING (source_id)"
                + " ORDER BY s.source_id";
        List<SourceOverview> sources = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sources.add(new SourceOverview(rs.getInt(1), rs.getString(2), rs.getString(3),
                        SourceStatus.fromLabel(rs.getString(4)), rs.getBoolean(5),
                        rs.getObject(6, OffsetDateTime.class), seconds(rs, 7),
                        rs.getObject(8, OffsetDateTime.class), seconds(rs, 9), seconds(rs, 10), rs.getString(11),
                        rs.getObject(12) == null ? null : rs.getLong(12)));
            }
        } catch (SQLException e) {
            throw failure("list sources", e);
        }
        return sources;
    }

    private static Duration seconds(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(seconds * 1000));
    }

    private Map<String, String> mappingsOf(int sourceId) throws SQLException {
        Map<String, String> mappings = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT origin_schema, destination_schema FROM "
                + table("schema_mapping") + " WHERE source_id = ? ORDER BY origin_schema")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    mappings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return mappings;
    }

    private void checkDestinationsFree(String name, Map<String, String> schemaMappings) throws SQLException {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> mapping : schemaMappings.entrySet()) {
            String previous = seen.put(mapping.getValue(), mapping.getKey());
            if (previous != null) {
                throw new StateException("source '" + name + "' maps both MySQL databases '" + previous + "' and '"
                        + mapping.getKey() + "' to destination schema '" + mapping.getValue()
                        + "'; a destination schema takes one database");
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.source_name, m.origin_schema, "
                + "m.destination_schema FROM " + table("schema_mapping") + " m JOIN " + table("source")
                + " s USING (source_id) WHERE m.destination_schema = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", schemaMappings.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new StateException("destination schema '" + rs.getString(3) + "' is already mapped by "
                            + "source '" + rs.getString(1) + "' (from MySQL database '" + rs.getString(2)
                            + "'); a destination schema may belong to one source only");
                }
            }
        }
    }

    private <T> T inTransaction(Transactions.SqlWork<T> work) {
        try {
            return Transactions.inTransaction(connection, work);
        } catch (SQLException e) {
            throw failure("update the catalogue", e);
        }
    }

    private StateException failure(String what, SQLException e) {
        return new StateException("cannot " + what + " in catalogue " + schema + ": " + e.getMessage(), e);
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }

}
