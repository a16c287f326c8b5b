package io.chameleon.mysql;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MySQL character set and the Java charset that decodes it strictly: bytes the charset does not define are
 * reported, never replaced, so a damaged value is noticed instead of copied with U+FFFD in it.
 */
public record SourceCharset(String mysqlName, Charset javaCharset) {

    /** Resolved once per name: the binlog path asks for the charset of every enum and set value. */
    private static final Map<String, SourceCharset> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf8mb4", "UTF-8"), Map.entry("utf8mb3", "UTF-8"), Map.entry("utf8", "UTF-8"),
            Map.entry("latin1", "windows-1252"), Map.entry("ascii", "US-ASCII"),
            Map.entry("ucs2", "UTF-16BE"), Map.entry("utf16", "UTF-16BE"), Map.entry("utf16le", "UTF-16LE"),
            Map.entry("utf32", "UTF-32BE"),
            Map.entry("cp1250", "windows-1250"), Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1256", "windows-1256"), Map.entry("cp1257", "windows-1257"),
            Map.entry("cp850", "IBM850"), Map.entry("cp852", "IBM852"), Map.entry("cp866", "IBM866"),
            Map.entry("gbk", "GBK"), Map.entry("gb2312", "GB2312"), Map.entry("gb18030", "GB18030"),
            Map.entry("big5", "Big5"), Map.entry("sjis", "Shift_JIS"), Map.entry("cp932", "windows-31j"),
            Map.entry("ujis", "EUC-JP"), Map.entry("eucjpms", "EUC-JP"), Map.entry("euckr", "EUC-KR"),
            Map.entry("koi8r", "KOI8-R"), Map.entry("koi8u", "KOI8-U"), Map.entry("greek", "ISO-8859-7"),
            Map.entry("hebrew", "ISO-8859-8"), Map.entry("latin2", "ISO-8859-2"), Map.entry("latin5", "ISO-8859-9"),
            Map.entry("latin7", "ISO-8859-13"), Map.entry("tis620", "TIS-620"), Map.entry("macroman", "x-MacRoman"),
            Map.entry("macce", "x-MacCentralEurope"));

    /** The five bytes windows-1252 leaves undefined; MySQL's latin1 maps them to the C1 controls of the same code. */
    private static final String LATIN1_HOLES = "\u0081\u008d\u008f\u0090\u009d";

    /** Whether the charset's bytes are UTF-8 (utf8mb4, utf8mb3), so valid values need no re-encoding. */
    public boolean isUtf8() {
        return javaCharset.equals(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException for a charset with no Java decoder (armscii8, dec8, hp8, swe7, keybcs2,
     *                                  geostd8...), naming it; {@code binary} has no charset: see {@link #isBinary}
     */
    public static SourceCharset of(String mysqlName) {
        SourceCharset known = KNOWN.get(mysqlName);
        if (known != null) {
            return known;
        }
        SourceCharset charset = lookUp(mysqlName);
        KNOWN.put(mysqlName, charset);
        return charset;
    }

    private static SourceCharset lookUp(String mysqlName) {
        String key = mysqlName.toLowerCase(Locale.ROOT);
        String javaName = JAVA_NAMES.get(key);
        if (javaName == null || !Charset.isSupported(javaName)) {
            throw new IllegalArgumentException("MySQL character set " + mysqlName + " has no Java decoder; "
                    + "convert the column to utf8mb4 or override its type");
        }
        return new SourceCharset(key, Charset.forName(javaName));
    }

    /** The charset of a character column; empty for binary strings (charset null or {@code binary}). */
    public static Optional<SourceCharset> ofColumn(String mysqlName) {
        return isBinary(mysqlName) ? Optional.empty() : Optional.of(of(mysqlName));
    }

    public static boolean isBinary(String mysqlName) {
        return mysqlName == null || mysqlName.equalsIgnoreCase("binary");
    }

    /** Decodes strictly; invalid or unmappable bytes throw. */
    public String decode(byte[] raw) throws CharacterCodingException {
        if (mysqlName.equals("latin1")) {
            return decodeLatin1(raw);
        }
        return javaCharset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw))
                .toString();
    }

    /** MySQL latin1 defines all 256 bytes: windows-1252 plus its five holes as C1 controls. */
    private String decodeLatin1(byte[] raw) throws CharacterCodingException {
        CharBuffer windows1252 = javaCharset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(raw));
        char[] chars = windows1252.array();
        for (int i = 0; i < windows1252.limit(); i++) {
            if (chars[i] == '\ufffd') {
                char hole = (char) (raw[i] & 0xff); // single-byte charset: one char per byte
                if (LATIN1_HOLES.indexOf(hole) < 0) {
                    throw new CharacterCodingException();
                }
                chars[i] = hole;
            }
        }
        return new String(chars, 0, windows1252.limit());
    }
}
