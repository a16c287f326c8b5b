package io.chameleon.catalogue.changelog;

import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.postgres.CopyBinaryWriter;
import io.chameleon.postgres.PgIdentifiers;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The reader's side of the change log: log_batch rows and the change_log rows they make visible to replay. The
 * caller owns the transaction; nothing here commits.
 */
public final class ChangeLogRepository {

    private final Connection connection;
    private final String schema;
    private final ChangeLogPartitions partitions;

    public ChangeLogRepository(Connection connection, String catalogueSchema) {
        this.connection = connection;
        this.schema = catalogueSchema;
        this.partitions = new ChangeLogPartitions(catalogueSchema);
    }

    /** Deletes the source's batches (and their rows) whose commit never got logged; returns how many batches. */
    public int deleteIncompleteBatches(int sourceId) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement("DELETE FROM " + table("change_log")
                + " WHERE batch_id IN (SELECT batch_id FROM " + table("log_batch")
                + " WHERE source_id = ? AND NOT complete)");
             PreparedStatement batches = connection.prepareStatement(
                     "DELETE FROM " + table("log_batch") + " WHERE source_id = ? AND NOT complete")) {
            rows.setInt(1, sourceId);
            rows.executeUpdate();
            batches.setInt(1, sourceId);
            return batches.executeUpdate();
        }
    }

    /** Starts an incomplete batch (invisible to replay) with its change-log partition; returns its id. */
    public long openBatch(int sourceId, BinlogPosition start, long firstEventMillis) throws SQLException {
        return openBatch(sourceId, start, firstEventMillis, null);
    }

    /** @param epoch the fencing epoch of the active process logging it (null outside a replica process) */
    public long openBatch(int sourceId, BinlogPosition start, long firstEventMillis, Long epoch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table("log_batch") + " (source_id,"
                + " start_binlog_file, start_binlog_position, end_binlog_file, end_binlog_position, transaction_count,"
                + " row_count, first_event_time, complete, epoch) VALUES (?, ?, ?, ?, ?, 0, 0, ?, false, ?)"
                + " RETURNING batch_id")) {
            ps.setInt(1, sourceId);
            ps.setString(2, start.file());
            ps.setLong(3, start.position());
            ps.setString(4, start.file());
            ps.setLong(5, start.position());
            ps.setTimestamp(6, firstEventMillis > 0 ? new Timestamp(firstEventMillis) : null);
            ps.setObject(7, epoch, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long batchId = rs.getLong(1);
                partitions.ensurePartitionFor(connection, batchId);
                return batchId;
            }
        }
    }

    /**
     * Starts a binary COPY into change_log: values go as they are, with no escaping on this side and no parsing on
     * the server's (images are text arrays). The connection is busy until the copy finishes or is cancelled.
     */
    public RowCopy copyRows() throws SQLException {
        return new RowCopy(new CopyBinaryWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY "
                + table("change_log") + " (batch_id, event_seq, table_id, operation, binlog_file, binlog_position,"
                + " event_time, layout_id, row_before, row_after, ddl) FROM STDIN (FORMAT binary)"), 1 << 20));
    }

    /**
     * Makes the batch visible to replay with its end position and counts, per table too (for show_status), the bytes
     * of its after images per table and the row layouts of its images.
     */
    public void completeBatch(long batchId, BinlogPosition end, int transactions, int rows, long lastEventMillis,
                              BatchTableCounts.Summary summary) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + table("log_batch")
                + " SET end_binlog_file = ?, end_binlog_position = ?, end_gtid_set = ?, transaction_count = ?,"
                + " row_count = ?, last_event_time = ?, table_ids = ?, table_rows = ?, table_image_bytes = ?,"
                + " layout_ids = ?, complete = true WHERE batch_id = ?")) {
            ps.setString(1, end.file());
            ps.setLong(2, end.position());
            ps.setString(3, end.gtidSet());
            ps.setInt(4, transactions);
            ps.setInt(5, rows);
            ps.setTimestamp(6, lastEventMillis > 0 ? new Timestamp(lastEventMillis) : null);
            ps.setArray(7, connection.createArrayOf("integer", summary.rowsPerTable().keySet().toArray()));
            ps.setArray(8, connection.createArrayOf("integer", summary.rowsPerTable().values().toArray()));
            ps.setArray(9, connection.createArrayOf("bigint", summary.imageBytesPerTable().values().toArray()));
            ps.setArray(10, connection.createArrayOf("integer", summary.layoutIds().toArray()));
            ps.setLong(11, batchId);
            ps.executeUpdate();
        }
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }

    /**
     * One COPY of change_log rows. A row is written field by field straight into the COPY buffer: the writer is on
     * the reader's hot path, so nothing is built per row.
     */
    public static final class RowCopy {

        private final CopyBinaryWriter out;

        private RowCopy(CopyBinaryWriter out) {
            this.out = out;
        }

        /**
         * @param operation    the operation code's UTF-8 byte ({@link ChangeLogFormat})
         * @param binlogFile   the binlog file name as UTF-8
         * @param sourceMillis the source's event time, 0 for none
         * @param layoutId     the row layout of the images, 0 for none (truncates and schema changes)
         * @param ddl          the statement of a schema change, else null
         */
        public void row(long batchId, int eventSeq, int tableId, byte[] operation, byte[] binlogFile,
                        long binlogPosition, long sourceMillis, int layoutId, byte[] before, byte[] after, String ddl)
                throws SQLException {
            out.startRow(11);
            out.int8Field(batchId);
            out.int4Field(eventSeq);
            out.int4Field(tableId);
            out.field(operation);
            out.field(binlogFile);
            out.int8Field(binlogPosition);
            if (sourceMillis > 0) {
                out.instantField(sourceMillis);
            } else {
                out.nullField();
            }
            if (layoutId != 0) {
                out.int4Field(layoutId);
            } else {
                out.nullField();
            }
            imageField(before);
            imageField(after);
            if (ddl != null) {
                out.textField(ddl);
            } else {
                out.nullField();
            }
        }

        public void finish() throws SQLException {
            out.finish();
        }

        /** Abandons the copy: PostgreSQL discards every row of it. */
        public void cancel() {
            out.cancel();
        }

        /** An image: the binary text array, as it is. */
        private void imageField(byte[] image) throws SQLException {
            if (image == null) {
                out.nullField();
            } else {
                out.field(image);
            }
        }
    }
}
