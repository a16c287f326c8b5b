package io.chameleon.schema;

import java.util.HexFormat;

/** binary, varbinary and blobs: the real bytes, in bytea's hex input form {@code \x0a1b}. */
public record BytesCodec(String column) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) {
        return raw == null ? null : "\\x" + HexFormat.of().formatHex(raw);
    }
}
