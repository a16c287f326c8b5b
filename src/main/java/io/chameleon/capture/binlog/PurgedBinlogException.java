package io.chameleon.capture.binlog;

import io.chameleon.mysql.BinlogPosition;


/**
 * The source no longer has the binlog the reader needs: no retry brings it back, only a new copy. A type of its own
 * so the replica process can re-copy the source (auto_resync_purged_binlog) without reading the message.
 */
public final class PurgedBinlogException extends CaptureException {

    private final transient BinlogPosition needed;

    public PurgedBinlogException(BinlogPosition needed, String message) {
        super(message);
        this.needed = needed;
    }

    /** Only a new copy repairs it: a state to change, not a connection to retry. */
    @Override
    public io.chameleon.error.ExitStatus exitStatus() {
        return io.chameleon.error.ExitStatus.STATE;
    }

    /** The position the reader had to resume from: the changes after it were never logged. */
    public BinlogPosition needed() {
        return needed;
    }
}
