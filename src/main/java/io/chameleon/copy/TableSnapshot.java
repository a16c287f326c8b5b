package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Reader sessions that all see one table as it was at one binlog position. For a non-transactional table the
 * lock that keeps the copy consistent stays held until {@link #close()}.
 */
final class TableSnapshot implements AutoCloseable {

    private final List<Connection> readers;
    private final BinlogPosition position;
    private final Connection lockHolder;
    private final long lockedAtNanos;
    private Duration lockHeld;
    private boolean closed;

    TableSnapshot(List<Connection> readers, BinlogPosition position, Connection lockHolder, long lockedAtNanos,
                  Duration lockHeld) {
        this.readers = readers;
        this.position = position;
        this.lockHolder = lockHolder;
        this.lockedAtNanos = lockedAtNanos;
        this.lockHeld = lockHeld;
    }

    List<Connection> readers() {
        return readers;
    }

    /** Where the binlog stood when the snapshot was taken: the table skips stream events up to here. */
    BinlogPosition position() {
        return position;
    }

    /** How long writes to the table were blocked (known once the lock is released). */
    Duration lockHeld() {
        return lockHeld;
    }

    /** Cuts the reader sessions at once, from another thread than theirs: a read in progress fails. */
    void abort() {
        for (Connection reader : readers) {
            try {
                reader.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection reader : readers) {
            try (reader) {
                reader.rollback();
            } catch (SQLException ignored) {
                // the session ends with the connection either way
            }
        }
        if (lockHolder != null) {
            try (lockHolder; Statement st = lockHolder.createStatement()) {
                st.execute("UNLOCK TABLES");
            } catch (SQLException ignored) {
                // closing the session releases its lock as well
            }
            lockHeld = Duration.ofNanos(System.nanoTime() - lockedAtNanos);
        }
    }
}
