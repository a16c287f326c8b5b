package io.chameleon.capture;

import io.chameleon.catalog.ChangeLogPartitions;
import io.chameleon.catalog.DiscardedRowRepository;
import io.chameleon.catalog.ReplayChannel;
import io.chameleon.catalog.RowLayoutRepository;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.CopyBinaryWriter;
import io.chameleon.postgres.PgIdentifiers;
import org.postgresql.PGConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reader's output into the catalogue on one connection. The caller groups calls into PostgreSQL
 * transactions: the rows of whole source transactions, the batch that makes them visible to replay and the resume
 * position always commit together, so a crash anywhere loses or repeats nothing.
 */
final class ChangeLogWriter implements AutoCloseable {

    private final Connection pg;
    private final String schema;
    private final int sourceId;
    private final ChangeLogPartitions partitions;
    private final RowLayoutRepository layouts;
    /** Layout ids known to be committed, and those registered in the open transaction (lost if it rolls back). */
    private final Map<ImageLayout, Integer> committedLayouts = new IdentityHashMap<>();
    private final Map<ImageLayout, Integer> pendingLayouts = new IdentityHashMap<>();
    private final BatchTableCounts tableCounts = new BatchTableCounts();
    private String lastFile;
    private byte[] lastFileBytes;

    ChangeLogWriter(Connection pg, String catalogueSchema, int sourceId) throws SQLException {
        this.pg = pg;
        this.schema = catalogueSchema;
        this.sourceId = sourceId;
        this.partitions = new ChangeLogPartitions(catalogueSchema);
        this.layouts = new RowLayoutRepository(catalogueSchema);
        pg.setAutoCommit(false);
    }

    /** Removes parts of a source transaction whose commit never got logged (the reader died in between). */
    int discardIncompleteBatches() throws SQLException {
        try (PreparedStatement rows = pg.prepareStatement("DELETE FROM " + table("change_log") + " WHERE batch_id IN"
                + " (SELECT batch_id FROM " + table("log_batch") + " WHERE source_id = ? AND NOT complete)");
             PreparedStatement batches = pg.prepareStatement(
                     "DELETE FROM " + table("log_batch") + " WHERE source_id = ? AND NOT complete")) {
            rows.setInt(1, sourceId);
            rows.executeUpdate();
            batches.setInt(1, sourceId);
            int removed = batches.executeUpdate();
            pg.commit();
            tableCounts.forgetIncomplete();
            return removed;
        }
    }

    /** Starts a batch, not visible to replay until {@link #completeBatch}. */
    long openBatch(BinlogPosition start, long firstEventMillis) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + table("log_batch") + " (source_id,"
                + " start_binlog_file, start_binlog_position, end_binlog_file, end_binlog_position, transaction_count,"
                + " row_count, first_event_time, complete) VALUES (?, ?, ?, ?, ?, 0, 0, ?, false) RETURNING batch_id")) {
            ps.setInt(1, sourceId);
            ps.setString(2, start.file());
            ps.setLong(3, start.position());
            ps.setString(4, start.file());
            ps.setLong(5, start.position());
            ps.setTimestamp(6, firstEventMillis > 0 ? new Timestamp(firstEventMillis) : null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long batchId = rs.getLong(1);
                partitions.ensurePartitionFor(pg, batchId);
                return batchId;
            }
        }
    }

    /**
     * Appends rows to a batch with one COPY in binary format: values go as they are, with no escaping on this side
     * and no parsing on the server's (images are text arrays). {@code firstSeq} continues the batch's event order.
     */
    void appendRows(long batchId, int firstSeq, List<LoggedChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int[] layoutIds = layoutIds(changes);
        CopyBinaryWriter out = new CopyBinaryWriter(pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY "
                + table("change_log") + " (batch_id, event_seq, table_id, operation, binlog_file, binlog_position,"
                + " event_time, layout_id, row_before, row_after, ddl) FROM STDIN (FORMAT binary)"), 1 << 20);
        try {
            int seq = firstSeq;
            for (int i = 0; i < changes.size(); i++) {
                LoggedChange change = changes.get(i);
                out.startRow(11);
                out.int8Field(batchId);
                out.int4Field(seq++);
                out.int4Field(change.tableId());
                out.field(change.operation().codeBytes());
                out.field(fileName(change.position().file()));
                out.int8Field(change.position().position());
                if (change.sourceMillis() > 0) {
                    out.instantField(change.sourceMillis());
                } else {
                    out.nullField();
                }
                if (change.layout() != null) {
                    out.int4Field(layoutIds[i]);
                } else {
                    out.nullField();
                }
                imageField(out, change.before());
                imageField(out, change.after());
                if (change.ddl() != null) {
                    out.textField(change.ddl());
                } else {
                    out.nullField();
                }
            }
            out.finish();
        } catch (SQLException | RuntimeException e) {
            out.cancel();
            throw e;
        }
        tableCounts.add(batchId, changes);
    }

    /** The layout id of each change (0 for none), registering new layouts first: the COPY holds the connection. */
    private int[] layoutIds(List<LoggedChange> changes) throws SQLException {
        int[] ids = new int[changes.size()];
        ImageLayout last = null;
        int lastId = 0;
        for (int i = 0; i < ids.length; i++) {
            ImageLayout layout = changes.get(i).layout();
            if (layout != null && layout != last) {
                last = layout;
                lastId = layoutId(layout);
            }
            ids[i] = layout == null ? 0 : lastId;
        }
        return ids;
    }

    private int layoutId(ImageLayout layout) throws SQLException {
        Integer id = committedLayouts.get(layout);
        if (id == null) {
            id = pendingLayouts.get(layout);
        }
        if (id == null) {
            id = layouts.idOf(pg, layout.tableId(), layout.columnNames(), layout.keyColumns());
            pendingLayouts.put(layout, id);
        }
        return id;
    }

    /** An image: the binary text array of {@link RowImageEncoder}, as it is. */
    private static void imageField(CopyBinaryWriter out, byte[] image) throws SQLException {
        if (image == null) {
            out.nullField();
        } else {
            out.field(image);
        }
    }

    /** The binlog file name as UTF-8; rows of a batch share it, so the last one is kept. */
    private byte[] fileName(String file) {
        if (!file.equals(lastFile)) {
            lastFile = file;
            lastFileBytes = file.getBytes(StandardCharsets.UTF_8);
        }
        return lastFileBytes;
    }

    /** Makes the batch visible to replay with its end position and counts, per table too (for show_status). */
    void completeBatch(long batchId, BinlogPosition end, int transactions, int rows, long lastEventMillis)
            throws SQLException {
        Map<Integer, Integer> perTable = tableCounts.complete(batchId);
        try (PreparedStatement ps = pg.prepareStatement("UPDATE " + table("log_batch") + " SET end_binlog_file = ?,"
                + " end_binlog_position = ?, end_gtid_set = ?, transaction_count = ?, row_count = ?,"
                + " last_event_time = ?, table_ids = ?, table_rows = ?, complete = true WHERE batch_id = ?")) {
            ps.setString(1, end.file());
            ps.setLong(2, end.position());
            ps.setString(3, end.gtidSet());
            ps.setInt(4, transactions);
            ps.setInt(5, rows);
            ps.setTimestamp(6, lastEventMillis > 0 ? new Timestamp(lastEventMillis) : null);
            ps.setArray(7, pg.createArrayOf("integer", perTable.keySet().toArray()));
            ps.setArray(8, pg.createArrayOf("integer", perTable.values().toArray()));
            ps.setLong(9, batchId);
            ps.executeUpdate();
        }
    }

    /**
     * Where to resume reading, and up to which source time everything has been read (the event time of the last
     * change, or the present when a heartbeat shows the reader is caught up).
     */
    void savePosition(BinlogPosition position, long caughtUpMillis) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("INSERT INTO " + table("read_position") + " (source_id,"
                + " binlog_file, binlog_position, gtid_set, last_event_time, updated_at) VALUES (?, ?, ?, ?, ?, now())"
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

    /** Rows the bad-value policy kept out of the log, with their reason, in the same transaction. */
    void recordDiscards(List<DiscardedRowRepository.DiscardedRow> discards) throws SQLException {
        if (!discards.isEmpty()) {
            new DiscardedRowRepository(pg, schema).insert(sourceId, discards);
        }
    }

    /** Tables whose copy position the stream has passed: their changes are all captured from now on. */
    void forgetCopyPositions(List<Integer> tableIds) throws SQLException {
        if (tableIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = pg.prepareStatement("UPDATE " + table("replicated_table") + " SET"
                + " copy_binlog_file = NULL, copy_binlog_position = NULL, copy_gtid_set = NULL"
                + " WHERE table_id = ANY (?)")) {
            ps.setArray(1, pg.createArrayOf("integer", tableIds.toArray()));
            ps.executeUpdate();
        }
    }

    /** The stream passed the high-watermark taken after the copy: the target is consistent from now on. */
    void markSourceConsistent() throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(
                "UPDATE " + table("source") + " SET consistent = true WHERE source_id = ?")) {
            ps.setInt(1, sourceId);
            ps.executeUpdate();
        }
    }

    /** Commits, waking the replay worker when rows were logged. */
    void commit(boolean wakeReplay) throws SQLException {
        if (wakeReplay) {
            ReplayChannel.notify(pg, sourceId);
        }
        try {
            pg.commit();
            committedLayouts.putAll(pendingLayouts);
            tableCounts.committed();
        } finally {
            pendingLayouts.clear();
        }
    }

    /** The writer's connection, for catalogue updates that must commit with the logged events. */
    Connection connection() {
        return pg;
    }

    void rollback() {
        pendingLayouts.clear();
        tableCounts.rolledBack();
        try {
            pg.rollback();
        } catch (SQLException ignored) {
            // the connection is being dropped anyway
        }
    }

    @Override
    public void close() throws SQLException {
        pg.close();
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
