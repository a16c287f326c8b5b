package io.chameleon.mysql;

import java.util.Comparator;

/**
 * A point in the source's binlog: file name and byte offset, plus the GTID set when the server has one. Ordered
 * by the file's sequence number (the {@code .NNNNNN} suffix) and then the offset.
 */
public record BinlogPosition(String file, long position, String gtidSet) implements Comparable<BinlogPosition> {

    private static final Comparator<BinlogPosition> ORDER =
            Comparator.comparingLong(BinlogPosition::fileSequence).thenComparingLong(BinlogPosition::position);

    public BinlogPosition {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("binlog file name is empty");
        }
    }

    public BinlogPosition(String file, long position) {
        this(file, position, null);
    }

    /** Parses {@code FILE:POS}, as given to {@code --from}. */
    public static BinlogPosition parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a binlog position; write FILE:POSITION, "
                    + "e.g. mysql-bin.000042:1234");
        }
        try {
            return new BinlogPosition(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a binlog position; the part after ':' must "
                    + "be a number", e);
        }
    }

    public long fileSequence() {
        int dot = file.lastIndexOf('.');
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("binlog file name '" + file + "' does not end in .NNNNNN", e);
        }
    }

    @Override
    public int compareTo(BinlogPosition other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ':' + position;
    }
}
