package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;

/**
 * How far a source's replica has got: everything before {@code read} was read, and the oldest batch not replayed
 * yet starts at {@code oldestUnreplayed} (null when every batch is replayed).
 */
public record AppliedHorizon(BinlogPosition read, BinlogPosition oldestUnreplayed) {

    /**
     * Whether every change the source committed before {@code position} is in the target tables: read past it,
     * and no batch starting before it is waiting for replay. File positions only (a GTID-only read position is
     * never said to have passed).
     */
    public boolean passed(BinlogPosition position) {
        return read != null && comparable(read) && read.compareTo(position) >= 0
                && (oldestUnreplayed == null || oldestUnreplayed.compareTo(position) >= 0);
    }

    private static boolean comparable(BinlogPosition position) {
        return position.file().matches(".*\\.\\d+");
    }
}
