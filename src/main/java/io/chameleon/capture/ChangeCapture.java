package io.chameleon.capture;

import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.capture.values.RowImageEncoder;
import io.chameleon.capture.values.RowText;
import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.LoggedChange;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.BinlogPosition;

import org.jboss.logging.Logger;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The reader's consumer: turns the event stream into change-log batches. Rows are kept per source transaction;
 * whole transactions accumulate into a batch written when it is full or the stream is caught up, together with
 * the position after the last of them. A transaction too large for memory is written in parts into a batch that
 * replay cannot see until the transaction's commit is logged.
 */
final class ChangeCapture {

    private static final Logger LOG = Logger.getLogger(ChangeCapture.class);

    private final BlockingQueue<CapturedEvent> queue;
    private final ChangeLogWriter writer;
    private final ChangeFilter filter;
    private final RowImageEncoder encoder = new RowImageEncoder();
    private final CaptureSettings settings;
    private final CaptureStatistics statistics;
    private final SchemaChangeCapture schemaChanges;

    private final List<LoggedChange> open = new ArrayList<>();
    /** Tables of the open transaction's parts written already (a transaction larger than a part). */
    private final Set<Integer> writtenPartTables = new HashSet<>();
    /**
     * XA transactions whose rows were logged at their prepare, as MariaDB writes them: by xid, the tables they
     * touched, until their COMMIT or ROLLBACK (bounded: a prepared transaction may never be resolved).
     */
    private final Map<String, Set<Integer>> preparedXa = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<Integer>> eldest) {
            return size() > 10_000;
        }
    };
    private long openBatchId = -1;
    private int openBatchSeq;
    private final List<LoggedChange> pending = new ArrayList<>();
    private final List<DiscardedRowRepository.DiscardedRow> discards = new ArrayList<>();
    private int pendingTransactions;
    private BinlogPosition pendingStart;
    private BinlogPosition lastWhole;
    private long lastWholeMillis;
    private boolean positionToSave;
    /** When the first whole transaction (or position) not yet written arrived, for the gathering window. */
    private long gatherSince;
    private boolean consistent;
    private final BinlogPosition highWatermark;

    ChangeCapture(BlockingQueue<CapturedEvent> queue, ChangeLogWriter writer, ChangeFilter filter,
                  CaptureSettings settings, BinlogPosition start, boolean consistent, BinlogPosition highWatermark,
                  CaptureStatistics statistics, SchemaChangeCapture schemaChanges) {
        this.queue = queue;
        this.writer = writer;
        this.filter = filter;
        this.settings = settings;
        this.lastWhole = start;
        this.consistent = consistent;
        this.highWatermark = highWatermark;
        this.statistics = statistics;
        this.schemaChanges = schemaChanges;
    }

    /** Consumes events until {@code stop}; what was read completely is written before returning. */
    void run(BooleanSupplier stop) throws SQLException {
        while (!stop.getAsBoolean()) {
            boolean toWrite = !pending.isEmpty() || positionToSave;
            CapturedEvent event;
            try {
                event = queue.poll(toWrite ? gatherRemainingNanos() : TimeUnit.MILLISECONDS.toNanos(200),
                        TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (event == null) {
                if (toWrite) {
                    writePending(0); // the stream stayed dry for the rest of the window
                }
                continue;
            }
            handle(event);
        }
        if (!pending.isEmpty() || positionToSave) {
            writePending(0);
        }
    }

    private void handle(CapturedEvent event) throws SQLException {
        if (event instanceof CapturedEvent.Events events) {
            for (CapturedEvent each : events.events()) {
                handle(each);
            }
        } else if (event instanceof CapturedEvent.Rows rows) {
            capture(rows);
        } else if (event instanceof CapturedEvent.Commit commit) {
            endTransaction(commit.next(), commit.sourceMillis());
        } else if (event instanceof CapturedEvent.Statement statement) {
            statement(statement);
            endTransaction(statement.next(), statement.sourceMillis());
        } else if (event instanceof CapturedEvent.Heartbeat heartbeat) {
            if (open.isEmpty() && queue.isEmpty()) {
                writePending(heartbeat.receivedMillis());
            }
        } else if (event instanceof CapturedEvent.Interrupted interrupted) {
            dropOpenTransaction();
            if (!pending.isEmpty() || positionToSave) {
                writePending(0);
            }
            interrupted.resumeAt().complete(lastWhole);
        }
    }

    private void statement(CapturedEvent.Statement statement) throws SQLException {
        Optional<XaStatement> xa = XaStatement.of(statement.sql());
        if (xa.isPresent()) {
            xa(xa.get(), statement);
            return;
        }
        var truncate = TruncateStatement.parse(statement.sql());
        if (truncate.isPresent()) {
            CapturedTable table = filter.truncated(statement.database(), truncate.get(), statement.position());
            if (table != null) {
                open.add(LoggedChange.truncate(table.tableId(), statement.position(), statement.sourceMillis()));
            }
            return;
        }
        SchemaChangeCapture.Plan plan = schemaChanges.plan(statement);
        if (!plan.isEmpty()) {
            writeSchemaChange(plan, statement);
        }
    }

    /**
     * MariaDB writes an XA transaction's rows at its prepare, so they are logged then; a ROLLBACK that follows leaves
     * the target holding rows the source does not: each table they touched leaves capture, reported with the
     * sync_tables command that re-copies it.
     */
    private void xa(XaStatement xa, CapturedEvent.Statement statement) {
        switch (xa.verb()) {
            case END -> {
                Set<Integer> touched = new HashSet<>(writtenPartTables);
                open.forEach(change -> touched.add(change.tableId()));
                if (!touched.isEmpty()) {
                    preparedXa.put(xa.xid(), touched);
                }
            }
            case COMMIT -> preparedXa.remove(xa.xid());
            case ROLLBACK -> {
                Set<Integer> touched = preparedXa.remove(xa.xid());
                if (touched == null) {
                    schemaChanges.xaRolledBackUnseen(xa.xid(), statement.position());
                    return;
                }
                for (int tableId : touched) {
                    filter.capturedById(tableId).ifPresent(table -> open.add(schemaChanges.rolledBackXa(table, xa.xid(),
                            statement)));
                }
            }
        }
    }

    /**
     * DDL commits implicitly on the source, so it is a batch of its own: the rows before it are written first, and
     * its events, catalogue updates and the position after it commit together.
     */
    private void writeSchemaChange(SchemaChangeCapture.Plan plan, CapturedEvent.Statement statement)
            throws SQLException {
        if (!pending.isEmpty() || positionToSave) {
            writePending(0);
        }
        try {
            logSchemaChange(plan, statement);
        } catch (RuntimeException | LinkageError e) {
            // translating one statement failed where nothing expected it to: its tables leave capture, reported
            logSchemaChange(schemaChanges.failed(plan, statement, e), statement);
        }
        lastWhole = statement.next();
        lastWholeMillis = statement.sourceMillis();
    }

    private void logSchemaChange(SchemaChangeCapture.Plan plan, CapturedEvent.Statement statement)
            throws SQLException {
        try {
            long batchId = writer.openBatch(lastWhole, statement.sourceMillis());
            int events = schemaChanges.write(plan, statement, writer, batchId, 1);
            writer.completeBatch(batchId, statement.next(), 1, events, statement.sourceMillis());
            writer.savePosition(statement.next(), statement.sourceMillis());
            statistics.written(events, 1, statement.next(), statement.sourceMillis());
            writer.commit(events > 0);
        } catch (SQLException | RuntimeException | LinkageError e) {
            writer.rollback();
            throw e;
        }
    }

    private void capture(CapturedEvent.Rows rows) throws SQLException {
        CapturedTable table = filter.tableFor(rows);
        if (table == null) {
            statistics.skipped(rows.before().size() + rows.after().size());
            schemaChanges.rowsNotCaptured(rows);
            return;
        }
        int count = Math.max(rows.before().size(), rows.after().size());
        if (count == 0) {
            return;
        }
        int columns = (rows.after().isEmpty() ? rows.before() : rows.after()).get(0).length;
        if (rows.columnNames() != null ? !table.hasColumnNames(rows.columnNames())
                : columns != table.columnNames().size()) {
            open.add(schemaChanges.structureMismatch(table, rows, columns));
            return;
        }
        try {
            encode(rows, table, count);
        } catch (BadValueStop deliberate) {
            throw deliberate; // bad_value_policy: error stops the reader, as asked
        } catch (RuntimeException | LinkageError e) {
            // a value our decoding cannot handle: that table leaves capture, reported; the others go on
            open.add(schemaChanges.undecodable(table, rows, e));
        }
        if (open.size() >= settings.transactionPartRows()) {
            writeOpenPart();
        }
    }

    private void encode(CapturedEvent.Rows rows, CapturedTable table, int count) {
        for (int i = 0; i < count; i++) {
            Serializable[] before = rows.before().isEmpty() ? null : rows.before().get(i);
            Serializable[] after = rows.after().isEmpty() ? null : rows.after().get(i);
            try {
                boolean nullOnBad = settings.badValuePolicy() == BadValuePolicy.NULL;
                open.add(LoggedChange.row(table.imageLayout(), rows.operation(), rows.position(), rows.sourceMillis(),
                        before == null ? null : encoder.encodeKey(before, table.imageColumns(), nullOnBad),
                        after == null ? null : encoder.encode(after, table.imageColumns(), nullOnBad)));
                for (RowImageEncoder.BadValue nulled : encoder.takeNulledValues()) {
                    discards.add(DiscardedRowRepository.DiscardedRow.of(table.source().schema(),
                            table.source().name(), nulled.column(), nulled.badValue(), true,
                            RowText.of(after != null ? after : before), rows.position().file(),
                            rows.position().position()));
                }
            } catch (RowImageEncoder.BadValue bad) {
                encoder.takeNulledValues(); // the row is discarded whole: its nulled values need no record
                if (settings.badValuePolicy() == BadValuePolicy.ERROR) {
                    throw new BadValueStop("table " + table.qualifiedSourceName() + " at " + rows.position()
                            + ", column " + bad.column() + ": " + bad.getMessage()
                            + " (bad_value_policy is error; set it to null or discard to go on)");
                }
                discards.add(DiscardedRowRepository.DiscardedRow.of(table.source().schema(), table.source().name(),
                        bad.column(), bad.badValue(), false, after != null ? RowText.of(after) : RowText.of(before),
                        rows.position().file(), rows.position().position()));
            }
        }
    }

    private void endTransaction(BinlogPosition next, long sourceMillis) throws SQLException {
        if (openBatchId >= 0) {
            completeLargeTransaction(next, sourceMillis);
            return;
        }
        if (!open.isEmpty()) {
            if (pending.isEmpty()) {
                pendingStart = lastWhole;
            }
            pending.addAll(open);
            pendingTransactions++;
            open.clear();
        }
        lastWhole = next;
        lastWholeMillis = sourceMillis;
        if (!positionToSave) {
            positionToSave = true;
            gatherSince = System.nanoTime();
        }
        if (pending.size() >= settings.batchRows()) {
            writePending(0);
        }
    }

    private long gatherRemainingNanos() {
        return Math.max(0, gatherSince + TimeUnit.MILLISECONDS.toNanos(settings.gatherMillis()) - System.nanoTime());
    }

    /** Writes the whole transactions gathered so far, and the position after them, in one PG transaction. */
    private void writePending(long caughtUpMillis) throws SQLException {
        try {
            boolean logged = !pending.isEmpty();
            if (logged) {
                long batchId = writer.openBatch(pendingStart, pending.get(0).sourceMillis());
                writer.appendRows(batchId, 1, pending);
                writer.completeBatch(batchId, lastWhole, pendingTransactions, pending.size(), lastWholeMillis);
            }
            writer.savePosition(lastWhole, caughtUpMillis > 0 ? caughtUpMillis : lastWholeMillis);
            writer.recordDiscards(discards);
            writer.forgetCopyPositions(filter.tablesThatReachedConsistency());
            if (!consistent && highWatermark != null && lastWhole.compareTo(highWatermark) >= 0) {
                writer.markSourceConsistent();
                consistent = true;
                LOG.infof("source consistent source=%s position=%s high_watermark=%s", settings.sourceName(),
                        lastWhole, highWatermark);
            }
            statistics.written(pending.size(), pendingTransactions, lastWhole, lastWholeMillis);
            writer.commit(logged);
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        pending.clear();
        discards.clear();
        pendingTransactions = 0;
        positionToSave = false;
    }

    /** A transaction outgrew memory: log what it has so far, invisible to replay, and keep the position. */
    private void writeOpenPart() throws SQLException {
        if (!pending.isEmpty()) {
            writePending(0);
        }
        try {
            if (openBatchId < 0) {
                openBatchId = writer.openBatch(lastWhole, open.get(0).sourceMillis());
                openBatchSeq = 1;
            }
            writer.appendRows(openBatchId, openBatchSeq, open);
            writer.commit(false);
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        openBatchSeq += open.size();
        open.forEach(change -> writtenPartTables.add(change.tableId()));
        open.clear();
    }

    private void completeLargeTransaction(BinlogPosition next, long sourceMillis) throws SQLException {
        try {
            writer.appendRows(openBatchId, openBatchSeq, open);
            int rows = openBatchSeq - 1 + open.size();
            writer.completeBatch(openBatchId, next, 1, rows, sourceMillis);
            writer.savePosition(next, sourceMillis);
            writer.recordDiscards(discards);
            writer.forgetCopyPositions(filter.tablesThatReachedConsistency());
            statistics.written(rows, 1, next, sourceMillis);
            writer.commit(true);
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        open.clear();
        discards.clear();
        writtenPartTables.clear();
        openBatchId = -1;
        lastWhole = next;
        lastWholeMillis = sourceMillis;
    }

    private void dropOpenTransaction() throws SQLException {
        open.clear();
        writtenPartTables.clear();
        discards.clear();
        if (openBatchId >= 0) {
            writer.discardIncompleteBatches();
            openBatchId = -1;
        }
    }
}
