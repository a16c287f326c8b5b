package io.chameleon.capture;

import io.chameleon.ddl.GrammarText;

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

    /** Quoted, or unquoted: MySQL allows letters outside ASCII in unquoted identifiers. */
    private static final String NAME = "(?:`((?:[^`]|``)+)`|([\\p{L}\\p{N}\\p{M}_$]+))";
    private static final Pattern TRUNCATE = Pattern.compile(
            "^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:" + NAME + "\\s*\\.\\s*)?" + NAME + "\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TruncateStatement() {
    }

    /** @param sql a query event's text; read as the DDL grammar reads it (no SET STATEMENT … FOR, no lock wait) */
    static Optional<Target> parse(String sql) {
        Matcher m = TRUNCATE.matcher(stripComments(GrammarText.of(sql)));
        if (!m.matches()) {
            return Optional.empty();
        }
        String database = name(m.group(1), m.group(2));
        return Optional.of(new Target(database, name(m.group(3), m.group(4))));
    }

    private static String name(String quoted, String plain) {
        return quoted != null ? quoted.replace("``", "`") : plain;
    }

    /** Comments become a space; a backquoted identifier is copied whole, {@code #} or {@code --} in it included. */
    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '`') {
                end = i + 1;
                while (end < n && (sql.charAt(end) != '`' || end + 1 < n && sql.charAt(end + 1) == '`')) {
                    end += sql.charAt(end) == '`' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                out.append(sql, i, end);
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '#' || sql.startsWith("--", i) && (i + 2 == n
                    || Character.isWhitespace(sql.charAt(i + 2)))) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(' ');
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toString();
    }
}
