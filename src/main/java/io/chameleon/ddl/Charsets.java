package io.chameleon.ddl;

import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/**
 * MariaDB's character sets (10.11 {@code information_schema.CHARACTER_SETS}): the default collation and the
 * bytes per character, which decide the collation of a column given only a charset and the TEXT type a
 * conversion needs.
 */
final class Charsets {

    private record Charset(String defaultCollation, int maxBytes) {
    }

    private static final Map<String, Charset> CHARSETS = Map.ofEntries(
            entry("armscii8", "armscii8_general_ci", 1), entry("ascii", "ascii_general_ci", 1),
            entry("big5", "big5_chinese_ci", 2), entry("binary", "binary", 1),
            entry("cp1250", "cp1250_general_ci", 1), entry("cp1251", "cp1251_general_ci", 1),
            entry("cp1256", "cp1256_general_ci", 1), entry("cp1257", "cp1257_general_ci", 1),
            entry("cp850", "cp850_general_ci", 1), entry("cp852", "cp852_general_ci", 1),
            entry("cp866", "cp866_general_ci", 1), entry("cp932", "cp932_japanese_ci", 2),
            entry("dec8", "dec8_swedish_ci", 1), entry("eucjpms", "eucjpms_japanese_ci", 3),
            entry("euckr", "euckr_korean_ci", 2), entry("gb2312", "gb2312_chinese_ci", 2),
            entry("gbk", "gbk_chinese_ci", 2), entry("geostd8", "geostd8_general_ci", 1),
            entry("greek", "greek_general_ci", 1), entry("hebrew", "hebrew_general_ci", 1),
            entry("hp8", "hp8_english_ci", 1), entry("keybcs2", "keybcs2_general_ci", 1),
            entry("koi8r", "koi8r_general_ci", 1), entry("koi8u", "koi8u_general_ci", 1),
            entry("latin1", "latin1_swedish_ci", 1), entry("latin2", "latin2_general_ci", 1),
            entry("latin5", "latin5_turkish_ci", 1), entry("latin7", "latin7_general_ci", 1),
            entry("macce", "macce_general_ci", 1), entry("macroman", "macroman_general_ci", 1),
            entry("sjis", "sjis_japanese_ci", 2), entry("swe7", "swe7_swedish_ci", 1),
            entry("tis620", "tis620_thai_ci", 1), entry("ucs2", "ucs2_general_ci", 2),
            entry("ujis", "ujis_japanese_ci", 3), entry("utf16", "utf16_general_ci", 4),
            entry("utf16le", "utf16le_general_ci", 4), entry("utf32", "utf32_general_ci", 4),
            entry("utf8mb3", "utf8mb3_general_ci", 3), entry("utf8mb4", "utf8mb4_general_ci", 4));

    private Charsets() {
    }

    private static Map.Entry<String, Charset> entry(String name, String collation, int maxBytes) {
        return Map.entry(name, new Charset(collation, maxBytes));
    }

    /** The name MariaDB reports: {@code utf8} is an alias of {@code utf8mb3} (default old_mode). */
    static String charsetName(String name) {
        String lower = unquote(name).toLowerCase(Locale.ROOT);
        return lower.equals("utf8") ? "utf8mb3" : lower;
    }

    static String collationName(String name) {
        String lower = unquote(name).toLowerCase(Locale.ROOT);
        return lower.startsWith("utf8_") ? "utf8mb3_" + lower.substring(5) : lower;
    }

    static boolean known(String charset) {
        return CHARSETS.containsKey(charsetName(charset));
    }

    static String defaultCollation(String charset) {
        Charset known = CHARSETS.get(charsetName(charset));
        if (known == null) {
            throw new IllegalArgumentException("unknown character set " + charset);
        }
        return known.defaultCollation();
    }

    static int maxBytes(String charset) {
        Charset known = CHARSETS.get(charsetName(charset));
        return known == null ? 4 : known.maxBytes();
    }

    /** The character set a collation belongs to: its name up to the first underscore ({@code binary} alone). */
    static String charsetOf(String collation) {
        String name = collationName(collation);
        int underscore = name.indexOf('_');
        return underscore < 0 ? name : name.substring(0, underscore);
    }

    static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("`") && name.endsWith("`")
                || name.startsWith("'") && name.endsWith("'") || name.startsWith("\"") && name.endsWith("\""))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
