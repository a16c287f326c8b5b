package io.chameleon.capture.values;

import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.schema.BadValueException;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.PgColumn;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a binlog row as the change log's image: a {@code text[]} in PostgreSQL's binary array format, one element
 * per column of the table's {@link ImageLayout}, holding the PostgreSQL text of the value (through the column
 * codec, as the copy does; the document itself for json columns), NULL for SQL NULL. PostgreSQL stores such an
 * array as it comes, without parsing it. This is the reader's hot path: values that already are their text (checked
 * UTF-8, numbers, JSON, plain dates) are copied as their bytes, without a String.
 */
public final class RowImageEncoder {

    /** A value the codec rejected, with the column it belongs to. */
    public static final class BadValue extends Exception {
        private final String column;

        BadValue(String column, BadValueException cause) {
            super(cause.getMessage(), cause);
            this.column = column;
        }

        public String column() {
            return column;
        }

        public BadValueException badValue() {
            return (BadValueException) getCause();
        }
    }

    private static final int TEXT_OID = 25;
    private static final int FLAGS_OFFSET = 4;

    private byte[] image = new byte[1024];
    private int length;
    private final List<BadValue> nulled = new ArrayList<>();

    /**
     * The whole row: the after image of inserts and updates.
     *
     * @param nullOnBadValue true when the bad-value policy is {@code null}: a rejected value in a nullable
     *                       column becomes NULL (and is kept for {@link #takeNulledValues}); otherwise the
     *                       rejection is thrown
     */
    public byte[] encode(Serializable[] row, ImageColumns table, boolean nullOnBadValue) throws BadValue {
        return encode(row, table, table.allColumns(), nullOnBadValue);
    }

    /**
     * The replica key of the row only: the before image of updates and deletes, which replay reads for the key
     * alone (less to encode, log and store; and a bad value elsewhere in a deleted row no longer matters).
     */
    public byte[] encodeKey(Serializable[] row, ImageColumns table, boolean nullOnBadValue) throws BadValue {
        return encode(row, table, table.keyColumnIndexes(), nullOnBadValue);
    }

    /** The row's columns at {@code indexes} (positions in binlog order), checked by the caller to fit the table. */
    private byte[] encode(Serializable[] row, ImageColumns table, int[] indexes, boolean nullOnBadValue)
            throws BadValue {
        List<SourceColumn> sourceColumns = table.sourceColumns();
        List<PgColumn> columns = table.targetColumns();
        length = 0;
        if (indexes.length == 0) { // no dimensions: the empty array
            int4(0);
            int4(0);
            int4(TEXT_OID);
            return Arrays.copyOf(image, length);
        }
        int4(1); // dimensions
        int4(0); // has nulls: set below
        int4(TEXT_OID);
        int4(indexes.length);
        int4(1); // lower bound
        boolean nulls = false;
        for (int i : indexes) {
            PgColumn column = columns.get(i);
            byte[] raw = BinlogValueText.of(row[i], sourceColumns.get(i));
            if (raw != null && column.codec() instanceof BytesCodec) {
                element(BytesCodec.hexText(raw)); // the codec's text, without a String
            } else if (raw != null && column.codec().rawIsText(raw)) {
                element(raw);
            } else {
                String value = valueText(raw, column, nullOnBadValue);
                if (value == null) {
                    int4(-1);
                    nulls = true;
                } else {
                    element(value.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (nulls) {
            image[FLAGS_OFFSET + 3] = 1;
        }
        return Arrays.copyOf(image, length);
    }

    private void element(byte[] text) {
        int4(text.length);
        room(text.length);
        System.arraycopy(text, 0, image, length, text.length);
        length += text.length;
    }

    private void int4(int value) {
        room(4);
        image[length] = (byte) (value >>> 24);
        image[length + 1] = (byte) (value >>> 16);
        image[length + 2] = (byte) (value >>> 8);
        image[length + 3] = (byte) value;
        length += 4;
    }

    private void room(int bytes) {
        if (length + bytes > image.length) {
            image = Arrays.copyOf(image, Math.max(image.length * 2, length + bytes));
        }
    }

    /** The values encoded as NULL by the bad-value policy since the last call, for the caller to record. */
    public List<BadValue> takeNulledValues() {
        if (nulled.isEmpty()) {
            return List.of();
        }
        List<BadValue> taken = List.copyOf(nulled);
        nulled.clear();
        return taken;
    }

    private String valueText(byte[] raw, PgColumn column, boolean nullOnBadValue) throws BadValue {
        if (raw == null) {
            return null;
        }
        try {
            return column.codec().fromText(raw);
        } catch (BadValueException bad) {
            if (nullOnBadValue && !column.notNull()) {
                nulled.add(new BadValue(column.name(), bad));
                return null;
            }
            throw new BadValue(column.name(), bad);
        }
    }
}
