package io.chameleon.schema;

/**
 * Turns a MySQL column value into PostgreSQL's text representation of it: the single place that decides what a
 * value becomes, shared by the initial copy and the binlog stream so both write the same thing.
 * <p>
 * The copy reads values as {@code ResultSet.getBytes} in a session with {@code character_set_results = NULL}
 * (strings arrive in the column's own charset) and {@code time_zone = '+00:00'}; numbers and temporal values are
 * then ASCII text, strings and blobs raw bytes.
 */
public sealed interface ValueCodec permits ExactNumberCodec, UnsignedBigintCodec, FloatCodec, TextCodec, BytesCodec,
        DateCodec, DateTimeCodec, TimeCodec, YearCodec, BitCodec, EnumCodec, SetCodec, JsonCodec, GeometryCodec {

    /** The MySQL column, for messages. */
    String column();

    /**
     * @param raw the value as the copy reads it; null for SQL NULL
     * @return PostgreSQL input text (not COPY-escaped), or null for SQL NULL
     * @throws BadValueException when PostgreSQL cannot hold the value as is
     */
    String fromText(byte[] raw) throws BadValueException;

    /**
     * Whether {@code raw} is already, as UTF-8, the text {@link #fromText} would return, so a writer can take the
     * bytes as they are instead of a String (numbers, and UTF-8 text once checked). False when unsure.
     */
    default boolean rawIsText(byte[] raw) {
        return false;
    }
}
