package io.chameleon.postgres;

import org.postgresql.copy.CopyIn;

import java.sql.SQLException;

/**
 * The fixed-size buffer in front of a {@code COPY ... FROM STDIN}, shared by the text and binary formats: memory
 * does not depend on the table size, and PostgreSQL receives large chunks rather than a call per value.
 */
public abstract class CopyBuffer {

    private final CopyIn copyIn;
    protected final byte[] buffer;
    protected int used;
    private long bytesWritten;

    CopyBuffer(CopyIn copyIn, int bufferBytes) {
        this.copyIn = copyIn;
        this.buffer = new byte[Math.max(bufferBytes, 64 * 1024)];
    }

    /** Sends what is buffered and completes the COPY; returns the number of rows PostgreSQL stored. */
    public long finish() throws SQLException {
        flush();
        return copyIn.endCopy();
    }

    /** Abandons the COPY: PostgreSQL discards everything it received. */
    public void cancel() {
        try {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back by the caller either way
        }
    }

    public long bytesWritten() {
        return bytesWritten + used;
    }

    protected final void putAll(byte[] bytes, int from, int length) throws SQLException {
        while (length > 0) {
            if (used == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, from, buffer, used, n);
            used += n;
            from += n;
            length -= n;
        }
    }

    protected final void put(byte b) throws SQLException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = b;
    }

    /** Makes room for {@code bytes} contiguous bytes (at most the buffer's size). */
    protected final void reserve(int bytes) throws SQLException {
        if (used > buffer.length - bytes) {
            flush();
        }
    }

    protected final void flush() throws SQLException {
        if (used > 0) {
            copyIn.writeToCopy(buffer, 0, used);
            bytesWritten += used;
            used = 0;
        }
    }
}
