package io.chameleon.capture.binlog;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * MariaDB's compressed columns ({@code TEXT COMPRESSED}, {@code VARCHAR(n) COMPRESSED}, {@code BLOB COMPRESSED}).
 * TABLE_MAP events give them types 140 (blobs and texts) and 141 (VARCHAR and
 * VARBINARY), which the binlog library does not know: it failed on the map, and
 * the reader stopped for every table. Their metadata is that of VARCHAR and BLOB, so the map is decoded as if
 * they were those, then given back its own types; the rows carry each value as the server stores it: a header byte,
 * then the bytes as they are (method 0) or a zlib stream (method 8) after the original length.
 */
final class CompressedColumns {

    static final int BLOB_COMPRESSED = 140;
    static final int VARCHAR_COMPRESSED = 141;
    private static final int VARCHAR = 15;
    private static final int BLOB = 252;
    private static final int ZLIB = 8;

    private CompressedColumns() {
    }

    static boolean isCompressed(int typeCode) {
        return typeCode == VARCHAR_COMPRESSED || typeCode == BLOB_COMPRESSED;
    }

    /** The type whose metadata and row format a compressed type shares; other types as they are. */
    static int plainType(int typeCode) {
        return typeCode == VARCHAR_COMPRESSED ? VARCHAR : typeCode == BLOB_COMPRESSED ? BLOB : typeCode;
    }

    /** Where the column types start in a TABLE_MAP body, and how many there are. */
    record Types(int offset, int count) {

        static Types of(byte[] body) {
            int at = 8; // table id (6 bytes), flags (2)
            at += 1 + (body[at] & 0xFF) + 1; // database name: length, bytes, NUL
            at += 1 + (body[at] & 0xFF) + 1; // table name
            int first = body[at] & 0xFF;
            int count;
            if (first < 251) {
                count = first;
                at += 1;
            } else {
                int bytes = first == 252 ? 2 : first == 253 ? 3 : 8;
                count = 0;
                for (int i = bytes; i >= 1; i--) {
                    count = (count << 8) | (body[at + i] & 0xFF);
                }
                at += 1 + bytes;
            }
            return new Types(at, count);
        }
    }

    /** The body with compressed types written as their plain types; the body itself when it has none. */
    static byte[] withPlainTypes(byte[] body, Types types) {
        byte[] plain = body;
        for (int i = types.offset(); i < types.offset() + types.count(); i++) {
            if (isCompressed(body[i] & 0xFF)) {
                if (plain == body) {
                    plain = body.clone();
                }
                plain[i] = (byte) plainType(body[i] & 0xFF);
            }
        }
        return plain;
    }

    /** A compressed column's value as the row carries it, uncompressed. */
    static byte[] inflate(byte[] stored) {
        if (stored.length == 0) {
            return stored; // the empty string is stored without a header
        }
        int header = stored[0] & 0xFF;
        int method = header >> 4;
        if (method == 0) {
            return Arrays.copyOfRange(stored, 1, stored.length);
        }
        if (method != ZLIB) {
            throw new IllegalStateException("a compressed column's value names compression method " + method
                    + ", which MariaDB does not write (only 8, zlib)");
        }
        int lengthBytes = header & 0x07;
        long length = 0;
        for (int i = 1; i <= lengthBytes; i++) {
            length = (length << 8) | (stored[i] & 0xFF);
        }
        // bit 3: a raw deflate stream, without zlib's header (column_compression_zlib_wrap off, the default)
        Inflater inflater = new Inflater((header & 0x08) != 0);
        try {
            inflater.setInput(stored, 1 + lengthBytes, stored.length - 1 - lengthBytes);
            byte[] out = new byte[Math.toIntExact(length)];
            int done = 0;
            while (done < out.length && !inflater.finished()) {
                int n = inflater.inflate(out, done, out.length - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += n;
            }
            if (done != out.length) {
                throw new IllegalStateException("a compressed column's value inflates to " + done + " bytes where its"
                        + " header says " + length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a compressed column's value is not a valid zlib stream: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
