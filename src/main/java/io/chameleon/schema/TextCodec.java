package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;

/** char, varchar and the text types, decoded from the column's own character set. */
public record TextCodec(String column, SourceCharset charset) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        return raw == null ? null : StrictText.decode(column, charset, raw);
    }

    @Override
    public boolean rawIsText(byte[] raw) {
        return charset.isUtf8() && Utf8Text.isValidWithoutNul(raw);
    }
}
