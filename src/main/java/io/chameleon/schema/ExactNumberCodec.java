package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/** Integers and decimals: MySQL's text is already valid PostgreSQL input ({@code -128}, {@code 123.4500}). */
public record ExactNumberCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) {
        return raw == null ? null : new String(raw, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean rawIsText(byte[] raw) {
        return true;
    }
}
