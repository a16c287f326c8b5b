package io.chameleon.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.schema.BadValueException;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.PgColumn;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes a binlog row as the change log's JSON image: column name to the PostgreSQL text of the value (through
 * the column codec, as the copy does), JSON null for SQL NULL, the document itself for jsonb columns. The image is
 * UTF-8 bytes, written once by the JSON generator and copied into the COPY stream as they are (this is the
 * reader's hot path: encoding it to a String first and to UTF-8 again doubled its cost). One generator serves every
 * image (creating and releasing one per row was a tenth of the reader's time), the field names are quoted once per
 * table, and a JSON document that is valid UTF-8 goes into the image as its bytes.
 */
final class RowImageEncoder {

    /** A value the codec rejected, with the column it belongs to. */
    static final class BadValue extends Exception {
        private final String column;

        BadValue(String column, BadValueException cause) {
            super(cause.getMessage(), cause);
            this.column = column;
        }

        String column() {
            return column;
        }

        BadValueException badValue() {
            return (BadValueException) getCause();
        }
    }

    private final JsonFactory json = new JsonFactory();
    private final ByteArrayBuilder image = new ByteArrayBuilder(1024);
    /** Open across images (they are root values without a separator); null after a failed image left it mid-object. */
    private JsonGenerator out;

    /**
     * The whole row: the after image of inserts and updates.
     *
     * @param nullOnBadValue true when the bad-value policy is {@code null}: a rejected value in a nullable
     *                       column becomes NULL; otherwise the rejection is thrown
     */
    byte[] encode(Serializable[] row, CapturedTable table, boolean nullOnBadValue) throws BadValue {
        return encode(row, table, table.allColumns(), nullOnBadValue);
    }

    /**
     * The replica key of the row only: the before image of updates and deletes, which replay reads for the key
     * alone (less to encode, log and parse; and a bad value elsewhere in a deleted row no longer matters).
     */
    byte[] encodeKey(Serializable[] row, CapturedTable table, boolean nullOnBadValue) throws BadValue {
        return encode(row, table, table.keyColumnIndexes(), nullOnBadValue);
    }

    /** The row's columns at {@code indexes} (positions in binlog order), checked by the caller to fit the table. */
    private byte[] encode(Serializable[] row, CapturedTable table, int[] indexes, boolean nullOnBadValue)
            throws BadValue {
        List<SourceColumn> sourceColumns = table.source().columns();
        List<PgColumn> columns = table.target().columns();
        SerializableString[] names = table.imageFieldNames();
        image.reset();
        boolean complete = false;
        try {
            JsonGenerator out = generator();
            out.writeStartObject();
            for (int i : indexes) {
                PgColumn column = columns.get(i);
                out.writeFieldName(names[i]);
                byte[] raw = BinlogValueText.of(row[i], sourceColumns.get(i));
                boolean jsonb = column.type().equals("jsonb"); // the image holds the document, not its text
                if (raw != null && column.codec() instanceof BytesCodec) {
                    byte[] hex = BytesCodec.hexText(raw); // the codec's text, without a String
                    out.writeUTF8String(hex, 0, hex.length);
                } else if (raw != null && column.codec().rawIsText(raw)) {
                    // numbers, checked UTF-8 text and JSON, plain dates: what the codec would return, without a String
                    if (jsonb) {
                        // an empty raw value marks the field as written; the document's bytes follow it directly
                        out.writeRawValue("");
                        out.flush();
                        image.write(raw);
                    } else {
                        out.writeUTF8String(raw, 0, raw.length);
                    }
                } else {
                    String value = valueText(raw, column, nullOnBadValue);
                    if (value == null) {
                        out.writeNull();
                    } else if (jsonb) {
                        out.writeRawValue(value);
                    } else {
                        out.writeString(value);
                    }
                }
            }
            out.writeEndObject();
            out.flush();
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!complete) {
                out = null; // mid-object: the next image starts on a new generator
            }
        }
        return image.toByteArray();
    }

    private JsonGenerator generator() throws IOException {
        if (out == null) {
            out = json.createGenerator(image, JsonEncoding.UTF8);
            out.setRootValueSeparator(null);
        }
        return out;
    }

    private static String valueText(byte[] raw, PgColumn column, boolean nullOnBadValue) throws BadValue {
        if (raw == null) {
            return null;
        }
        try {
            return column.codec().fromText(raw);
        } catch (BadValueException bad) {
            if (nullOnBadValue && !column.notNull()) {
                return null;
            }
            throw new BadValue(column.name(), bad);
        }
    }
}
