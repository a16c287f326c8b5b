package io.chameleon.copy;

import io.chameleon.postgres.BinaryEncoding;
import io.chameleon.postgres.CopyBinaryWriter;
import io.chameleon.postgres.CopyBuffer;
import io.chameleon.postgres.CopyTextWriter;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a copier's converted rows go: a binary COPY when every column of the table has a binary form (PostgreSQL
 * then parses nothing), otherwise a text COPY. A row arrives as each column's PostgreSQL input text, either as a
 * String or as UTF-8 bytes (see {@link io.chameleon.schema.ValueCodec#rawIsText}), or for blobs as their bytes.
 */
abstract sealed class CopyRows {

    private final boolean[] bytea;
    private final CopyBuffer stream;

    private CopyRows(List<PgColumn> columns, CopyBuffer stream) {
        this.stream = stream;
        bytea = new boolean[columns.size()];
        for (int i = 0; i < bytea.length; i++) {
            bytea[i] = columns.get(i).codec() instanceof BytesCodec;
        }
    }

    /**
     * @param binaryAllowed false when loading into tables chameleon did not create (keep_existing_schema): their
     *                      column types may differ from the mapped ones, and only text input converts between types
     */
    static CopyRows open(Connection pg, String schema, PgTable target, int bufferBytes, boolean binaryAllowed)
            throws SQLException {
        List<PgColumn> columns = target.columns();
        String copySql = "COPY " + PgIdentifiers.qualified(schema, target.name()) + " ("
                + columns.stream().map(c -> PgIdentifiers.quote(c.name())).collect(Collectors.joining(", "))
                + ") FROM STDIN";
        var copyApi = pg.unwrap(PGConnection.class).getCopyAPI();
        Optional<BinaryEncoding[]> encodings = binaryAllowed ? binaryEncodings(columns) : Optional.empty();
        if (encodings.isPresent()) {
            return new Binary(columns, new CopyBinaryWriter(copyApi.copyIn(copySql + " (FORMAT binary)"),
                    bufferBytes), encodings.get());
        }
        return new Text(columns, new CopyTextWriter(copyApi.copyIn(copySql), bufferBytes));
    }

    private static Optional<BinaryEncoding[]> binaryEncodings(List<PgColumn> columns) {
        BinaryEncoding[] encodings = new BinaryEncoding[columns.size()];
        for (int i = 0; i < encodings.length; i++) {
            PgColumn column = columns.get(i);
            Optional<BinaryEncoding> encoding = column.enumType() != null ? Optional.of(BinaryEncoding.TEXT)
                    : BinaryEncoding.forType(column.type());
            boolean rawBlobNotBytea = column.codec() instanceof BytesCodec && encoding.orElse(null) != BinaryEncoding.BYTEA;
            if (encoding.isEmpty() || rawBlobNotBytea) {
                return Optional.empty(); // (a blob overridden to another type reads as its hex text)
            }
            encodings[i] = encoding.get();
        }
        return Optional.of(encodings);
    }

    /**
     * @param values each column's input text (null for NULL) where {@code raw} has no bytes
     * @param raw    the input text as UTF-8 bytes, or a blob's bytes, or null to take {@code values}
     * @throws IllegalArgumentException when a text is not a value of its column's type (binary format only)
     */
    abstract void write(String[] values, byte[][] raw) throws SQLException;

    /** Whether column {@code i} is a blob, whose raw bytes are its value rather than its text. */
    final boolean blob(int i) {
        return bytea[i];
    }

    /** Whether the rows go in COPY's binary format. */
    final boolean binary() {
        return this instanceof Binary;
    }

    /** Completes the COPY: the number of rows PostgreSQL stored. */
    final long finish() throws SQLException {
        return stream.finish();
    }

    final void cancel() {
        stream.cancel();
    }

    final long bytesWritten() {
        return stream.bytesWritten();
    }

    private static final class Text extends CopyRows {

        private final CopyTextWriter writer;

        Text(List<PgColumn> columns, CopyTextWriter writer) {
            super(columns, writer);
            this.writer = writer;
        }

        @Override
        void write(String[] values, byte[][] raw) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (raw[i] == null) {
                    writer.field(values[i]);
                } else if (blob(i)) {
                    writer.hexField(raw[i]);
                } else {
                    writer.field(raw[i]);
                }
            }
            writer.endRow();
        }
    }

    private static final class Binary extends CopyRows {

        private final CopyBinaryWriter writer;
        private final BinaryEncoding[] encodings;

        Binary(List<PgColumn> columns, CopyBinaryWriter writer, BinaryEncoding[] encodings) {
            super(columns, writer);
            this.writer = writer;
            this.encodings = encodings;
        }

        @Override
        void write(String[] values, byte[][] raw) throws SQLException {
            writer.startRow(values.length);
            for (int i = 0; i < values.length; i++) {
                if (raw[i] != null && blob(i)) {
                    writer.field(raw[i]); // bytea's binary form is the bytes themselves
                } else if (raw[i] != null) {
                    encodings[i].write(raw[i], writer);
                } else if (values[i] == null) {
                    writer.nullField();
                } else {
                    encodings[i].write(values[i], writer);
                }
            }
        }
    }
}
