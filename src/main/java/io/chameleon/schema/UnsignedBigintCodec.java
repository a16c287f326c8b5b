package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/**
 * {@code bigint unsigned}, stored as numeric(20). A family of its own because the binlog hands it over as a signed
 * 64-bit number: values above 2^63-1 arrive negative and need {@link #fromSignedLong}.
 */
public record UnsignedBigintCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) {
        return raw == null ? null : new String(raw, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean rawIsText(byte[] raw) {
        return true;
    }

    /** The value of a signed 64-bit reading of the unsigned column: {@code -1} is 18446744073709551615. */
    public String fromSignedLong(long value) {
        return Long.toUnsignedString(value);
    }
}
