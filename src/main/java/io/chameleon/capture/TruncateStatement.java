package io.chameleon.capture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises {@code TRUNCATE [TABLE] [db.]name}: the one statement that changes rows without row events, so it
 * cannot wait for DDL replication. Other statements are not parsed here.
 */
final class TruncateStatement {

    /** The table a TRUNCATE names; database null when the statement does not qualify it. */
    record Target(String database, String table) {
    }

    private static final String NAME = "(?:`((?:[^`]|``)+)`|([A-Za-z0-9_$]+))";
    private static final Pattern TRUNCATE = Pattern.compile(
            "^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:" + NAME + "\\s*\\.\\s*)?" + NAME + "\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TruncateStatement() {
    }

    static Optional<Target> parse(String sql) {
        Matcher m = TRUNCATE.matcher(stripComments(sql));
        if (!m.matches()) {
            return Optional.empty();
        }
        String database = name(m.group(1), m.group(2));
        return Optional.of(new Target(database, name(m.group(3), m.group(4))));
    }

    private static String name(String quoted, String plain) {
        return quoted != null ? quoted.replace("``", "`") : plain;
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", " ");
    }
}
