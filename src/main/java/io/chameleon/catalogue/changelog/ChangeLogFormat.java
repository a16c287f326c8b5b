package io.chameleon.catalogue.changelog;

/**
 * The change log's operation codes ({@code change_log.operation}, {@code char(1)}): the one place that names them,
 * for the reader that writes them and the replay and status queries that read them. Rows carry images; barriers
 * (a truncate empties a table, a schema change runs DDL) are applied alone, in log order.
 */
public final class ChangeLogFormat {

    public static final char INSERT = 'I';
    public static final char UPDATE = 'U';
    public static final char DELETE = 'D';
    public static final char TRUNCATE = 'T';
    public static final char SCHEMA = 'S';

    /** SQL list of the row operations, for {@code operation IN …}. */
    public static final String ROW_OPERATIONS = list(INSERT, UPDATE, DELETE);
    /** SQL list of the barriers. */
    public static final String BARRIERS = list(TRUNCATE, SCHEMA);
    /** SQL list of what counts as a change to a table in status figures: rows and truncates. */
    public static final String TABLE_CHANGES = list(INSERT, UPDATE, DELETE, TRUNCATE);

    private ChangeLogFormat() {
    }

    private static String list(char... codes) {
        StringBuilder sql = new StringBuilder("(");
        for (char code : codes) {
            sql.append(sql.length() > 1 ? ", " : "").append('\'').append(code).append('\'');
        }
        return sql.append(')').toString();
    }
}
