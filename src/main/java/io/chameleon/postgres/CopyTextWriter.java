package io.chameleon.postgres;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Streams rows into a PostgreSQL {@code COPY ... FROM STDIN} in text format through a fixed-size buffer, so
 * memory does not depend on the table size. Values are PostgreSQL text representations; this class only escapes
 * them for the COPY format.
 */
public final class CopyTextWriter extends CopyBuffer {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private boolean firstField = true;

    public CopyTextWriter(CopyIn copyIn, int bufferBytes) {
        super(copyIn, bufferBytes);
    }

    public void field(String value) throws SQLException {
        separate();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        // hot loop of the copy: bytes go straight into the array, with one room check per char (4 bytes at most)
        byte[] b = buffer;
        int p = used;
        for (int i = 0, n = value.length(); i < n; i++) {
            if (p > b.length - 4) {
                used = p;
                flush();
                p = 0;
            }
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    default -> b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        used = p;
    }

    /**
     * A field already encoded as UTF-8 (JSON images): only the bytes COPY gives a meaning to are escaped, and the
     * spans between them are copied whole. UTF-8 continuation bytes are all above 0x7F, so they never match.
     */
    public void field(byte[] utf8) throws SQLException {
        separate();
        if (utf8 == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte c = utf8[i];
            byte escaped = switch (c) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escaped != 0) {
                putAll(utf8, start, i - start);
                put((byte) '\\');
                put(escaped);
                start = i + 1;
            }
        }
        putAll(utf8, start, utf8.length - start);
    }

    /**
     * A bytea field in hex form ({@code \x0a1b}, its backslash escaped for COPY) written from the bytes, without
     * building the text first: blobs are the bulk of many tables.
     */
    public void hexField(byte[] value) throws SQLException {
        separate();
        put((byte) '\\');
        put((byte) '\\');
        put((byte) 'x');
        byte[] b = buffer;
        int p = used;
        for (byte v : value) {
            if (p > b.length - 2) {
                used = p;
                flush();
                p = 0;
            }
            b[p++] = HEX_DIGITS[(v >> 4) & 0xF];
            b[p++] = HEX_DIGITS[v & 0xF];
        }
        used = p;
    }

    private void separate() throws SQLException {
        if (!firstField) {
            put((byte) '\t');
        }
        firstField = false;
    }

    public void endRow() throws SQLException {
        put((byte) '\n');
        firstField = true;
    }
}
