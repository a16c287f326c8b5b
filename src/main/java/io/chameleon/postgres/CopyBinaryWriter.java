package io.chameleon.postgres;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Streams rows into a {@code COPY ... FROM STDIN (FORMAT binary)}: each field is its length and the type's binary
 * form, which PostgreSQL stores without parsing text (half the server's work of a text COPY on a mixed table).
 * The caller writes exactly the declared number of fields per row, each in its column type's binary form.
 */
public final class CopyBinaryWriter extends CopyBuffer {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    public CopyBinaryWriter(CopyIn copyIn, int bufferBytes) throws SQLException {
        super(copyIn, bufferBytes);
        putAll(SIGNATURE, 0, SIGNATURE.length);
        int32(0); // flags: no OIDs
        int32(0); // header extension length
    }

    public void startRow(int fields) throws SQLException {
        int16(fields);
    }

    public void nullField() throws SQLException {
        int32(-1);
    }

    public void field(byte[] value) throws SQLException {
        field(value, 0, value.length);
    }

    public void field(byte[] value, int from, int length) throws SQLException {
        int32(length);
        putAll(value, from, length);
    }

    /** A field whose value is a version byte followed by bytes (jsonb's binary form). */
    public void versionedField(int version, byte[] value) throws SQLException {
        int32(value.length + 1);
        put((byte) version);
        putAll(value, 0, value.length);
    }

    public void int2Field(short value) throws SQLException {
        int32(2);
        int16(value);
    }

    public void int4Field(int value) throws SQLException {
        int32(4);
        int32(value);
    }

    public void int8Field(long value) throws SQLException {
        int32(8);
        int64(value);
    }

    /** A timestamptz field from milliseconds since 1970-01-01 UTC. */
    public void instantField(long epochMillis) throws SQLException {
        int8Field(TemporalBinary.instantMicros(epochMillis));
    }

    /** A text (or char, varchar) field: binary text is its bytes in the client encoding, UTF-8 here. */
    public void textField(String value) throws SQLException {
        field(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a field of {@code length} bytes that the caller then writes with the int methods. */
    public void fieldLength(int length) throws SQLException {
        int32(length);
    }

    public void int16(int value) throws SQLException {
        reserve(2);
        buffer[used++] = (byte) (value >> 8);
        buffer[used++] = (byte) value;
    }

    public void int32(int value) throws SQLException {
        reserve(4);
        buffer[used++] = (byte) (value >> 24);
        buffer[used++] = (byte) (value >> 16);
        buffer[used++] = (byte) (value >> 8);
        buffer[used++] = (byte) value;
    }

    public void int64(long value) throws SQLException {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    @Override
    public long finish() throws SQLException {
        int16(-1); // file trailer
        return super.finish();
    }
}
