package io.chameleon.mysql;

/** The one place where MySQL identifiers are quoted (backticks, doubled inside). */
public final class MySqlIdentifiers {

    private MySqlIdentifiers() {
    }

    public static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }
}
