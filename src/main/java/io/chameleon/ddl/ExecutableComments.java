package io.chameleon.ddl;

/**
 * Opens MySQL's executable comments ({@code /*!40101 … *}{@code /}, MariaDB's {@code /*M!100100 … *}{@code /}):
 * the server ran their content as SQL, mysqldump and migration tools write whole statements in them, and the
 * parser would otherwise see a comment. Ordinary comments, strings and quoted identifiers are copied untouched.
 * The version number is not compared: a server older than the version would have ignored the text, which no
 * supported source is (MySQL 5.7+, MariaDB 10.x+) for the versions these tools write.
 */
final class ExecutableComments {

    private ExecutableComments() {
    }

    static String open(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int depthOpened = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int bang = i + 2 < n && sql.charAt(i + 2) == 'M' ? i + 3 : i + 2;
                if (bang < n && sql.charAt(bang) == '!') {
                    i = bang + 1;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                    out.append(' ');
                    depthOpened++;
                } else {
                    int end = sql.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    out.append(sql, i, end);
                    i = end;
                }
            } else if (c == '*' && depthOpened > 0 && i + 1 < n && sql.charAt(i + 1) == '/') {
                out.append(' ');
                depthOpened--;
                i += 2;
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i)) || (c == '-' && sql.startsWith("--", i)
                    && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index after the closing quote; doubled quotes and backslash escapes (not in identifiers) stay inside. */
    static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
