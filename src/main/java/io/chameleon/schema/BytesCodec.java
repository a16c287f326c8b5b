package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/** binary, varbinary and blobs: the real bytes, in bytea's hex input form {@code \x0a1b}. */
public record BytesCodec(String column) implements ValueCodec {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String fromText(byte[] raw) {
        return raw == null ? null : new String(hexText(raw), StandardCharsets.US_ASCII);
    }

    /** The same text as ASCII bytes, for writers that take bytes (the live stream's row images). */
    public static byte[] hexText(byte[] raw) {
        byte[] hex = new byte[2 + 2 * raw.length];
        hex[0] = '\\';
        hex[1] = 'x';
        for (int i = 0; i < raw.length; i++) {
            hex[2 + 2 * i] = HEX_DIGITS[(raw[i] >> 4) & 0xF];
            hex[3 + 2 * i] = HEX_DIGITS[raw[i] & 0xF];
        }
        return hex;
    }
}
