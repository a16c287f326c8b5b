package io.chameleon.postgres;

/** The one place where PostgreSQL identifiers and literals are quoted. */
public final class PgIdentifiers {

    private PgIdentifiers() {
    }

    /** Quotes an identifier, preserving its case: {@code My"Table} becomes {@code "My""Table"}. */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("empty PostgreSQL identifier");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Quotes a schema-qualified name. */
    public static String qualified(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }

    /** Quotes a string literal for the rare statements that cannot take bind parameters (DDL). */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
