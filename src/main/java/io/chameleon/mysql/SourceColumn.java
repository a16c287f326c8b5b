package io.chameleon.mysql;

import java.util.List;
import java.util.Locale;

/**
 * A column as {@code information_schema.COLUMNS} describes it.
 *
 * @param position  1-based ordinal position
 * @param dataType  lower case type name ({@code int}, {@code varchar}, {@code enum}); {@code json} also for
 *                  MariaDB's JSON alias (a longtext whose {@code columnType} stays {@code longtext})
 * @param columnType full type text as MySQL prints it ({@code int(10) unsigned}, {@code enum('a','b')}):
 *                   the key {@code type_override} matches
 * @param extra     {@code auto_increment}, {@code on update current_timestamp()}, {@code STORED GENERATED}...
 * @param charset   MySQL character set name, null for non-character columns
 * @param maxLength CHARACTER_MAXIMUM_LENGTH: characters for text types, bytes for binary ones
 */
public record SourceColumn(String name, int position, String dataType, String columnType, boolean nullable,
                           ColumnDefault defaultValue, String extra, String charset, String collation,
                           Long maxLength, Integer numericPrecision, Integer numericScale,
                           Integer datetimePrecision) {

    public SourceColumn {
        dataType = dataType.toLowerCase(Locale.ROOT);
        extra = extra == null ? "" : extra;
    }

    public boolean unsigned() {
        return containsIgnoringCase(columnType, "unsigned");
    }

    public boolean autoIncrement() {
        return containsIgnoringCase(extra, "auto_increment");
    }

    /** Without a lower-cased copy: the binlog path asks unsigned() for every integer value it converts. */
    private static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    public List<String> enumLabels() {
        requireType("enum");
        return ColumnTypeLabels.parse(columnType);
    }

    public List<String> setLabels() {
        requireType("set");
        return ColumnTypeLabels.parse(columnType);
    }

    private void requireType(String expected) {
        if (!dataType.equals(expected)) {
            throw new IllegalStateException("column " + name + " is " + columnType + ", not " + expected);
        }
    }
}
