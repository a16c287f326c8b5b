package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;

import java.nio.charset.CharacterCodingException;

/** Decoding shared by the text-like codecs: strictly in the column's charset, and no NUL, which PostgreSQL refuses. */
final class StrictText {

    private StrictText() {
    }

    static String decode(String column, SourceCharset charset, byte[] raw) throws BadValueException {
        String text;
        try {
            text = charset.decode(raw);
        } catch (CharacterCodingException e) {
            throw new BadValueException(BadValueReason.INVALID_BYTES, column, raw,
                    "bytes that are not valid " + charset.mysqlName());
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadValueException(BadValueReason.NUL_CHARACTER, column, raw, "a NUL character");
        }
        return text;
    }
}
