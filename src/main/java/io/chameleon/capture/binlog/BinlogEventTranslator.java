package io.chameleon.capture.binlog;

import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.GtidSets;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Runs on the binlog client's thread: turns library events into {@link CapturedEvent}s and puts them on the
 * bounded queue, which blocks the stream when the consumer falls behind (backpressure).
 */
public final class BinlogEventTranslator implements BinaryLogClient.EventListener {

    /** Events per hand-off at most: the queue's bound in events is its capacity times this. */
    public static final int HAND_OFF_EVENTS = 32;

    private final BlockingQueue<CapturedEvent> queue;
    private final List<CapturedEvent> held = new ArrayList<>(HAND_OFF_EVENTS);
    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private final java.util.function.Consumer<String> onFailure;
    private String file;
    private String gtid;
    /** The TRANSACTION_PAYLOAD event whose inner events are being translated, else null. */
    private EventHeaderV4 outer;
    /** The GTID position after the last whole transaction (see GtidSets), null when the server has none. */
    private String gtidSet;
    private volatile boolean failed;
    private volatile long lastEventMillis = System.currentTimeMillis();

    /**
     * @param onFailure told (once per connection) when an event cannot be handed on; the stream must then be
     *                  broken off, since the client library would skip the event and carry on
     */
    BinlogEventTranslator(BlockingQueue<CapturedEvent> queue, BinlogPosition start,
                          java.util.function.Consumer<String> onFailure) {
        this.queue = queue;
        this.file = start.file();
        this.gtidSet = start.gtidSet();
        this.onFailure = onFailure;
    }

    long lastEventMillis() {
        return lastEventMillis;
    }

    @Override
    public void onEvent(Event event) {
        lastEventMillis = System.currentTimeMillis();
        if (failed) {
            return;
        }
        try {
            translate(event);
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            onFailure.accept("cannot handle " + event.getHeader().getEventType() + " at " + file + ":"
                    + ((EventHeaderV4) event.getHeader()).getPosition() + ": " + e.getMessage());
        }
    }

    private void translate(Event event) {
        EventHeaderV4 header = outer != null ? outer : event.getHeader();
        switch (event.getHeader().getEventType()) {
            case ROTATE -> file = ((RotateEventData) event.getData()).getBinlogFilename();
            case TABLE_MAP -> {
                TableMapEventData map = event.getData();
                tableMaps.put(map.getTableId(), map);
            }
            case MARIADB_GTID -> {
                MariadbGtidEventData data = event.getData();
                gtid = data.getDomainId() + "-" + data.getServerId() + "-" + data.getSequence();
            }
            case GTID -> gtid = ((GtidEventData) event.getData()).getMySqlGtid().toString();
            case WRITE_ROWS, EXT_WRITE_ROWS -> {
                WriteRowsEventData data = event.getData();
                rows(RowOperation.INSERT, data.getTableId(), List.of(), data.getRows(), header);
            }
            case DELETE_ROWS, EXT_DELETE_ROWS -> {
                DeleteRowsEventData data = event.getData();
                rows(RowOperation.DELETE, data.getTableId(), data.getRows(), List.of(), header);
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> {
                UpdateRowsEventData data = event.getData();
                List<Serializable[]> before = new ArrayList<>(data.getRows().size());
                List<Serializable[]> after = new ArrayList<>(data.getRows().size());
                for (Map.Entry<Serializable[], Serializable[]> row : data.getRows()) {
                    before.add(row.getKey());
                    after.add(row.getValue());
                }
                rows(RowOperation.UPDATE, data.getTableId(), before, after, header);
            }
            case XID -> commit(header);
            case TRANSACTION_PAYLOAD -> compressed(event.getData(), header);
            case QUERY -> query(event.getData(), header);
            case HEARTBEAT -> put(new CapturedEvent.Heartbeat(System.currentTimeMillis()));
            default -> { }
        }
    }

    /**
     * The events of a compressed transaction, in order, at the payload event's position: the events inside it
     * have none of their own, and the stream resumes after the payload as a whole.
     */
    private void compressed(TransactionPayloadEventData transaction, EventHeaderV4 header) {
        outer = header;
        try {
            transaction.getUncompressedEvents().forEach(this::translate);
        } finally {
            outer = null;
        }
    }

    /** Tells the consumer the stream broke; completes with the position to resume from. */
    CompletableFuture<BinlogPosition> interrupted(String reason) {
        CompletableFuture<BinlogPosition> resumeAt = new CompletableFuture<>();
        held.clear(); // rows of a transaction whose end was not read: the consumer drops its open one anyway
        handOn(new CapturedEvent.Interrupted(reason, resumeAt));
        return resumeAt;
    }

    /** Stops handing events on (the stream is being broken off); unblocks a put waiting for queue space. */
    void close() {
        failed = true;
    }

    private void query(QueryEventData data, EventHeaderV4 header) {
        String sql = data.getSql().trim();
        String word = sql.length() > 8 ? sql.substring(0, 8) : sql;
        switch (word.toUpperCase(Locale.ROOT)) {
            case "BEGIN" -> { }
            case "COMMIT" -> commit(header);
            default -> {
                gtidSet = GtidSets.advance(gtidSet, gtid);
                put(new CapturedEvent.Statement(data.getDatabase(), sql, new BinlogPosition(file, header.getPosition()),
                        new BinlogPosition(file, header.getNextPosition(), gtidSet), header.getTimestamp()));
                gtid = null;
            }
        }
    }

    private void commit(EventHeaderV4 header) {
        gtidSet = GtidSets.advance(gtidSet, gtid);
        put(new CapturedEvent.Commit(new BinlogPosition(file, header.getNextPosition(), gtidSet),
                header.getTimestamp(), gtid));
        gtid = null;
    }

    private void rows(RowOperation operation, long tableId, List<Serializable[]> before, List<Serializable[]> after,
                      EventHeaderV4 header) {
        TableMapEventData map = tableMaps.get(tableId);
        if (map == null) {
            throw new IllegalStateException("rows event for unknown table id " + tableId + " at " + file + ":"
                    + header.getPosition());
        }
        List<String> names = map.getEventMetadata() == null ? null : map.getEventMetadata().getColumnNames();
        put(new CapturedEvent.Rows(operation, map.getDatabase(), map.getTable(), before, after,
                new BinlogPosition(file, header.getPosition()), header.getTimestamp(),
                names == null || names.isEmpty() ? null : names));
    }

    /**
     * Rows events wait here for their transaction's end (or the hand-off size); anything else is handed on at once
     * with them, in order, so the consumer sees the same sequence, in fewer and larger hand-offs.
     */
    private void put(CapturedEvent captured) {
        held.add(captured);
        if (captured instanceof CapturedEvent.Rows && held.size() < HAND_OFF_EVENTS) {
            return;
        }
        CapturedEvent handOff = held.size() == 1 ? held.get(0) : new CapturedEvent.Events(List.copyOf(held));
        held.clear();
        handOn(handOff);
    }

    private void handOn(CapturedEvent captured) {
        try {
            while (!queue.offer(captured, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failed && !(captured instanceof CapturedEvent.Interrupted)) {
                    throw new IllegalStateException("stream closed while the consumer was busy");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("binlog reader interrupted", e);
        }
    }
}
