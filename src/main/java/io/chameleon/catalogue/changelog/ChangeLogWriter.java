package io.chameleon.catalogue.changelog;

import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.catalogue.ReplayChannel;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.changelog.ChangeLogRepository;
import io.chameleon.catalogue.changelog.ReadPositionRepository;
import io.chameleon.mysql.BinlogPosition;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reader's output into the catalogue on one connection. The caller groups calls into PostgreSQL
 * transactions: the rows of whole source transactions, the batch that makes them visible to replay and the resume
 * position always commit together, so a crash anywhere loses or repeats nothing. The statements are the catalogue's
 * (its repositories); this side keeps what only the reader knows: layout ids and the counts of open batches.
 */
public final class ChangeLogWriter implements AutoCloseable {

    private final Connection pg;
    private final String schema;
    private final int sourceId;
    private final ChangeLogRepository changeLog;
    private final ReadPositionRepository readPosition;
    private final ReplicatedTableRepository registry;
    private final SourceRepository sources;
    private final RowLayoutRepository layouts;
    /** Layout ids known to be committed, and those registered in the open transaction (lost if it rolls back). */
    private final Map<ImageLayout, Integer> committedLayouts = new IdentityHashMap<>();
    private final Map<ImageLayout, Integer> pendingLayouts = new IdentityHashMap<>();
    private final BatchTableCounts tableCounts = new BatchTableCounts();
    private final SourceFence fence;
    private String lastFile;
    private byte[] lastFileBytes;

    public ChangeLogWriter(Connection pg, String catalogueSchema, int sourceId) throws SQLException {
        this(pg, catalogueSchema, sourceId, SourceFence.none());
    }

    /** @param fence checked before every commit: a process no longer active fails instead of committing */
    public ChangeLogWriter(Connection pg, String catalogueSchema, int sourceId, SourceFence fence)
            throws SQLException {
        this.pg = pg;
        this.fence = fence;
        this.schema = catalogueSchema;
        this.sourceId = sourceId;
        this.changeLog = new ChangeLogRepository(pg, catalogueSchema);
        this.readPosition = new ReadPositionRepository(pg, catalogueSchema);
        this.registry = new ReplicatedTableRepository(pg, catalogueSchema);
        this.sources = new SourceRepository(pg, catalogueSchema);
        this.layouts = new RowLayoutRepository(pg, catalogueSchema);
        pg.setAutoCommit(false);
    }

    /** Removes parts of a source transaction whose commit never got logged (the reader died in between). */
    public int discardIncompleteBatches() throws SQLException {
        int removed = changeLog.deleteIncompleteBatches(sourceId);
        fence.check(pg);
        pg.commit();
        tableCounts.forgetIncomplete();
        return removed;
    }

    /** Starts a batch, not visible to replay until {@link #completeBatch}. */
    public long openBatch(BinlogPosition start, long firstEventMillis) throws SQLException {
        return changeLog.openBatch(sourceId, start, firstEventMillis, fence.fences() ? fence.epoch() : null);
    }

    /**
     * Appends rows to a batch with one COPY in binary format: values go as they are, with no escaping on this side
     * and no parsing on the server's (images are text arrays). {@code firstSeq} continues the batch's event order.
     */
    public void appendRows(long batchId, int firstSeq, List<LoggedChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int[] layoutIds = layoutIds(changes);
        ChangeLogRepository.RowCopy copy = changeLog.copyRows();
        try {
            int seq = firstSeq;
            for (int i = 0; i < changes.size(); i++) {
                LoggedChange change = changes.get(i);
                copy.row(batchId, seq++, change.tableId(), change.operation().codeBytes(),
                        fileName(change.position().file()), change.position().position(), change.sourceMillis(),
                        layoutIds[i], change.before(), change.after(), change.ddl());
            }
            copy.finish();
        } catch (SQLException | RuntimeException e) {
            copy.cancel();
            throw e;
        }
        tableCounts.add(batchId, changes, layoutIds);
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
            id = layouts.idOf(layout.tableId(), layout.columnNames(), layout.keyColumns());
            pendingLayouts.put(layout, id);
        }
        return id;
    }

    /** The binlog file name as UTF-8; rows of a batch share it, so the last one is kept. */
    private byte[] fileName(String file) {
        if (!file.equals(lastFile)) {
            lastFile = file;
            lastFileBytes = file.getBytes(StandardCharsets.UTF_8);
        }
        return lastFileBytes;
    }

    /**
     * Makes the batch visible to replay with its end position and counts, per table too (for show_status), the bytes
     * of its after images per table and the layouts of its rows (replay learns a chunk's tables, layouts and image
     * sizes from these without scanning its rows).
     */
    public void completeBatch(long batchId, BinlogPosition end, int transactions, int rows, long lastEventMillis)
            throws SQLException {
        changeLog.completeBatch(batchId, end, transactions, rows, lastEventMillis, tableCounts.complete(batchId));
    }

    /**
     * Where to resume reading, and up to which source time everything has been read (the event time of the last
     * change, or the present when a heartbeat shows the reader is caught up).
     */
    public void savePosition(BinlogPosition position, long caughtUpMillis) throws SQLException {
        readPosition.save(sourceId, position, caughtUpMillis);
    }

    /** Rows the bad-value policy kept out of the log, with their reason, in the same transaction. */
    public void recordDiscards(List<DiscardedRowRepository.DiscardedRow> discards) throws SQLException {
        if (!discards.isEmpty()) {
            new DiscardedRowRepository(pg, schema).insert(sourceId, discards);
        }
    }

    /** Tables whose copy position the stream has passed: their changes are all captured from now on. */
    public void forgetCopyPositions(List<Integer> tableIds) throws SQLException {
        if (tableIds.isEmpty()) {
            return;
        }
        registry.forgetCopyPositions(tableIds);
    }

    /** The stream passed the high-watermark taken after the copy: the target is consistent from now on. */
    public void markSourceConsistent() throws SQLException {
        sources.markConsistent(sourceId);
    }

    /** Commits, waking the replay worker when rows were logged. */
    public void commit(boolean wakeReplay) throws SQLException {
        if (wakeReplay) {
            ReplayChannel.notify(pg, sourceId);
        }
        try {
            fence.check(pg);
            pg.commit();
            committedLayouts.putAll(pendingLayouts);
            tableCounts.committed();
        } finally {
            pendingLayouts.clear();
        }
    }

    /** The writer's connection, for catalogue updates that must commit with the logged events. */
    public Connection connection() {
        return pg;
    }

    public void rollback() {
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
}
