package io.chameleon.ddl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table a CREATE TABLE or ALTER TABLE names in its head, read from the text alone: for statements the grammar
 * rejects (or fails on), to tell whether a replicated table is concerned and whether the statement makes one.
 */
public record TableHead(TableName table, boolean creates) {

    private static final String NAME = "(?:`(?:[^`]|``)+`|[\\w$]+)";
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*(CREATE|ALTER)\\s+(?:ONLINE\\s+|IGNORE\\s+|OR\\s+REPLACE\\s+)*TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?"
                    + "(" + NAME + ")(?:\\s*\\.\\s*(" + NAME + "))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** @param defaultDatabase the session's database, for an unqualified name */
    public static Optional<TableHead> of(String defaultDatabase, String sql) {
        Matcher head = HEAD.matcher(ExecutableComments.open(sql));
        if (!head.find()) {
            return Optional.empty();
        }
        TableName table = head.group(3) != null
                ? new TableName(Names.unquote(head.group(2)), Names.unquote(head.group(3)))
                : new TableName(defaultDatabase == null ? "" : defaultDatabase, Names.unquote(head.group(2)));
        return Optional.of(new TableHead(table, head.group(1).equalsIgnoreCase("CREATE")));
    }
}
