package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;

/**
 * JSON (jsonb): the document text as MySQL prints it. jsonb refuses the {@code \u0000} escape, so such a
 * document is a bad value rather than a failed COPY.
 */
public record JsonCodec(String column, SourceCharset charset) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = StrictText.decode(column, charset, raw);
        if (hasNulEscape(text)) {
            throw new BadValueException(BadValueReason.NUL_CHARACTER, column, raw, "a \\u0000 escape");
        }
        return text;
    }

    @Override
    public boolean rawIsText(byte[] raw) {
        return charset.isUtf8() && Utf8Text.isValidWithoutNul(raw) && !hasNulEscape(raw);
    }

    /** {@link #hasNulEscape(String)} on UTF-8 bytes: the escape is ASCII, and no multi-byte sequence holds ASCII. */
    static boolean hasNulEscape(byte[] json) {
        for (int i = 0; i < json.length - 1; i++) {
            if (json[i] == '\\') {
                if (i + 5 < json.length && json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0'
                        && json[i + 4] == '0' && json[i + 5] == '0') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** A {@code \u0000} escape, not fooled by an escaped backslash before it ({@code \\u0000} is text). */
    static boolean hasNulEscape(String json) {
        for (int i = 0; i < json.length() - 1; i++) {
            if (json.charAt(i) == '\\') {
                if (json.startsWith("u0000", i + 1)) {
                    return true;
                }
                i++; // skip the escaped character, which may be a backslash
            }
        }
        return false;
    }
}
