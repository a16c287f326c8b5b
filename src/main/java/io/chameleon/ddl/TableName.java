package io.chameleon.ddl;

/** A table as MySQL names it: database and table, unquoted, case as written. */
public record TableName(String database, String table) {

    /** Backtick-quoted form, unambiguous whatever the names contain. */
    @Override
    public String toString() {
        return quote(database) + "." + quote(table);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
