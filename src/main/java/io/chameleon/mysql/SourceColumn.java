package io.chameleon.mysql;

import java.util.List;
import java.util.Locale;

/**
 * A column as {@code information_schema.COLUMNS} describes it.
 *
 * @param position  1-based ordinal position
 * @param dataType  lower case type name ({@code int}, {@code varchar}, {@code enum}); {@code json} also for
 *                  MariaDB's JSON alias (a longtext whose {@code columnType} stays {@code longtext}). The text
 *                  the catalogue stores; code decides on {@link #type()}, resolved from it once
 * @param columnType full type text as MySQL prints it ({@code int(10) unsigned}, {@code enum('a','b')}):
 *                   the key {@code type_override} matches
 * @param extra     {@code auto_increment}, {@code on update current_timestamp()}, {@code STORED GENERATED}...
 * @param charset   MySQL character set name, null for non-character columns
 * @param maxLength CHARACTER_MAXIMUM_LENGTH: characters for text types, bytes for binary ones
 * @param type      {@code dataType} resolved, once, here: null to let it be, else it must agree
 */
public record SourceColumn(String name, int position, String dataType, String columnType, boolean nullable,
                           ColumnDefault defaultValue, String extra, String charset, String collation,
                           Long maxLength, Integer numericPrecision, Integer numericScale,
                           Integer datetimePrecision, MySqlType type) {

    public SourceColumn {
        dataType = dataType.toLowerCase(Locale.ROOT);
        extra = extra == null ? "" : extra;
        MySqlType resolved = MySqlType.of(dataType);
        if (type != null && type != resolved) {
            throw new IllegalArgumentException("column " + name + ": type " + type + " contradicts data type "
                    + dataType + ", which resolves to " + resolved);
        }
        type = resolved;
    }

    /** Without the type, which the data type names. */
    public SourceColumn(String name, int position, String dataType, String columnType, boolean nullable,
                        ColumnDefault defaultValue, String extra, String charset, String collation,
                        Long maxLength, Integer numericPrecision, Integer numericScale, Integer datetimePrecision) {
        this(name, position, dataType, columnType, nullable, defaultValue, extra, charset, collation, maxLength,
                numericPrecision, numericScale, datetimePrecision, null);
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
        requireType(MySqlType.ENUM);
        return ColumnTypeLabels.parse(columnType);
    }

    public List<String> setLabels() {
        requireType(MySqlType.SET);
        return ColumnTypeLabels.parse(columnType);
    }

    private void requireType(MySqlType expected) {
        if (type != expected) {
            throw new IllegalStateException("column " + name + " is " + columnType + ", not "
                    + expected.dataTypeName());
        }
    }
}
