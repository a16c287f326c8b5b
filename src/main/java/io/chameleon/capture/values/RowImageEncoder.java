package io.chameleon.capture.values;

import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.schema.BadValueException;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.DateTimeCodec;
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
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTC_OFFSET = DateTimeCodec.UTC_OFFSET.getBytes(StandardCharsets.US_ASCII);
    /** The TIMESTAMP codec's rule for texts that are their bytes; the same for every TIMESTAMP column. */
    private static final DateTimeCodec TIMESTAMP_CODEC = new DateTimeCodec("", true);

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
        ColumnShortcut[] shortcuts = table.shortcuts();
        for (int i : indexes) {
            if (row[i] != null && shortcut(shortcuts[i], row[i])) {
                continue;
            }
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

    /** Writes the value's element when the column's shortcut covers it; false sends it down the general path. */
    private boolean shortcut(ColumnShortcut shortcut, Serializable value) {
        switch (shortcut.kind) {
            case SIGNED_INTEGER -> {
                if (value instanceof Integer number) {
                    integerElement(number);
                    return true;
                }
                if (value instanceof Long number) {
                    integerElement(number);
                    return true;
                }
                return false;
            }
            case ENUM_LABEL -> {
                if (value instanceof Integer index && index > 0 && index <= shortcut.labels.length) {
                    element(shortcut.labels[index - 1]);
                    return true;
                }
                return false;
            }
            case FLOATING -> {
                // the codec parses the text form back and prints the shortest text of that binary value: the same
                if (value instanceof Double real && Double.isFinite(real)) {
                    asciiElement(Double.toString(real));
                    return true;
                }
                if (value instanceof Float real && Float.isFinite(real)) {
                    asciiElement(Float.toString(real));
                    return true;
                }
                return false;
            }
            case HEX -> {
                if (value instanceof byte[] bytes) {
                    hexElement(bytes);
                    return true;
                }
                return false;
            }
            case UTC_TIMESTAMP -> {
                if (value instanceof byte[] bytes && TIMESTAMP_CODEC.rawIsTextWithOffset(bytes)) {
                    int4(bytes.length + UTC_OFFSET.length);
                    room(bytes.length + UTC_OFFSET.length);
                    System.arraycopy(bytes, 0, image, length, bytes.length);
                    System.arraycopy(UTC_OFFSET, 0, image, length + bytes.length, UTC_OFFSET.length);
                    length += bytes.length + UTC_OFFSET.length;
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** Digits of a signed integer, written in place (the codec's text of a decimal integer is the integer). */
    private void integerElement(long value) {
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int size = digits + (value < 0 ? 1 : 0);
        int4(size);
        room(size);
        long rest = value;
        for (int at = length + size - 1; at >= length + size - digits; at--) {
            image[at] = (byte) ('0' + Math.abs(rest % 10));
            rest /= 10;
        }
        if (value < 0) {
            image[length] = '-';
        }
        length += size;
    }

    private void asciiElement(String text) {
        int4(text.length());
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            image[length + i] = (byte) text.charAt(i);
        }
        length += text.length();
    }

    /** bytea's hex text, {@code \x00ff}, written in place: what BytesCodec gives. */
    private void hexElement(byte[] bytes) {
        int size = 2 + 2 * bytes.length;
        int4(size);
        room(size);
        image[length] = '\\';
        image[length + 1] = 'x';
        int at = length + 2;
        for (byte b : bytes) {
            image[at++] = HEX_DIGITS[(b >> 4) & 0xF];
            image[at++] = HEX_DIGITS[b & 0xF];
        }
        length += size;
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
