package io.chameleon.capture.binlog;

import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.mysql.BinlogPosition;

import java.io.Serializable;
import java.util.List;

/** What the binlog thread hands to the capture consumer, in stream order. */
public sealed interface CapturedEvent {

    /**
     * Row images of one rows event: before images for updates and deletes, after images for inserts and updates.
     * {@code columnNames} are the table's columns as its TABLE_MAP event names them (binlog_row_metadata=FULL),
     * null when the server does not write them.
     */
    record Rows(RowOperation operation, String database, String table, List<Serializable[]> before,
                List<Serializable[]> after, BinlogPosition position, long sourceMillis, List<String> columnNames)
            implements CapturedEvent {
    }

    /** The end of a source transaction; {@code next} is where the stream resumes after it. */
    record Commit(BinlogPosition next, long sourceMillis, String gtid) implements CapturedEvent {
    }

    /** A statement other than BEGIN/COMMIT (DDL and the like): a transaction of its own. */
    record Statement(String database, String sql, BinlogPosition position, BinlogPosition next, long sourceMillis)
            implements CapturedEvent {
    }

    /**
     * Events in stream order handed on at once: the rows events of a transaction with its commit, so that the two
     * threads meet once per transaction (or per few dozen events of a long one) rather than once per event.
     */
    record Events(List<CapturedEvent> events) implements CapturedEvent {
    }

    /** The server has nothing new: the reader is caught up at this point of the source clock. */
    record Heartbeat(long receivedMillis) implements CapturedEvent {
    }

    /**
     * The stream broke (connection lost, undecodable event): the consumer drops the open transaction and answers
     * with the position to resume from, the end of the last whole transaction it has.
     */
    record Interrupted(String reason, java.util.concurrent.CompletableFuture<BinlogPosition> resumeAt)
            implements CapturedEvent {
    }
}
