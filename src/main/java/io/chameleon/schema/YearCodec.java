package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/** YEAR (smallint): {@code 1901}..{@code 2155}, and {@code 0000} which MySQL stores as year zero. */
public record YearCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) {
        return raw == null ? null : Integer.toString(Integer.parseInt(new String(raw, StandardCharsets.US_ASCII)));
    }
}
