package io.chameleon.mysql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column's default as declared in MySQL, normalised across flavours. MariaDB (since 10.2.7) reports
 * {@code COLUMN_DEFAULT} as an SQL expression ({@code 'abc'}, {@code NULL}, {@code current_timestamp()}); MySQL
 * reports the literal text unquoted and marks expressions with {@code DEFAULT_GENERATED} in {@code EXTRA}.
 */
public sealed interface ColumnDefault {

    /** No default: the column is NOT NULL and an insert must name it. */
    record None() implements ColumnDefault {
    }

    /** DEFAULT NULL, explicit or implied by a nullable column without default. */
    record Null() implements ColumnDefault {
    }

    /** A constant, as plain text without SQL quoting: {@code abc}, {@code 0}, {@code 2020-01-01 00:00:00}. */
    record Literal(String text) implements ColumnDefault {
    }

    /** An expression evaluated at insert time, as MySQL prints it: {@code current_timestamp(6)}, {@code b'101'}. */
    record Expression(String sql) implements ColumnDefault {
    }

    Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "(current_timestamp|now|localtimestamp|localtime)(\\(\\d*\\))?", Pattern.CASE_INSENSITIVE);

    static ColumnDefault fromCatalogue(String columnDefault, String extra, boolean nullable, SourceFlavour flavour) {
        return flavour == SourceFlavour.MARIADB
                ? fromMariaDb(columnDefault, nullable)
                : fromMySql(columnDefault, extra, nullable);
    }

    private static ColumnDefault fromMariaDb(String columnDefault, boolean nullable) {
        if (columnDefault == null) {
            return nullable ? new Null() : new None();
        }
        if (columnDefault.equalsIgnoreCase("NULL")) {
            return new Null();
        }
        if (columnDefault.length() >= 2 && columnDefault.startsWith("'") && columnDefault.endsWith("'")) {
            return new Literal(unquoteMariaDb(columnDefault.substring(1, columnDefault.length() - 1)));
        }
        if (NUMBER.matcher(columnDefault).matches()) {
            return new Literal(columnDefault);
        }
        return new Expression(columnDefault);
    }

    private static ColumnDefault fromMySql(String columnDefault, String extra, boolean nullable) {
        if (columnDefault == null) {
            return nullable ? new Null() : new None();
        }
        String flags = extra == null ? "" : extra.toUpperCase(Locale.ROOT);
        boolean expression = flags.contains("DEFAULT_GENERATED")
                || CURRENT_TIMESTAMP.matcher(columnDefault).matches()
                || columnDefault.startsWith("b'");
        return expression ? new Expression(columnDefault) : new Literal(columnDefault);
    }

    /** MariaDB doubles quotes and backslash-escapes specials inside the quoted default. */
    private static String unquoteMariaDb(String body) {
        StringBuilder text = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                text.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'Z' -> '\u001a';
                    default -> next;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
