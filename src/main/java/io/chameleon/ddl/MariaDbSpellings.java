package io.chameleon.ddl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites MariaDB spellings Druid's grammar lacks into equivalent ones it parses, before it parses: {@code CHAR SET}
 * and {@code CHARSET} where only {@code CHARACTER SET} is understood, {@code CHAR/CHARACTER/NCHAR VARYING},
 * {@code NATIONAL …}, {@code LONG VARCHAR/VARBINARY/BINARY}, charset names in double quotes or backquotes,
 * {@code SERIAL DEFAULT VALUE}, a parenthesised ADD list mixing
 * columns and keys, and unquoted non-ASCII identifiers (quoted). Column-level {@code INVISIBLE} is taken out and the
 * column remembered ({@link #invisibleColumns}): such a column is still in information_schema and every row image.
 * {@code CREATE OR REPLACE TABLE} becomes {@code CREATE TABLE}, remembered ({@link Prepared#orReplace}).
 * {@code SYSTEM VERSIONING} is noticed (the table-level clause taken out). {@code IF [NOT] EXISTS} on a column, key,
 * constraint or partition (and after RENAME TABLE) is taken out and recorded ({@link ExistenceConditions}); the lock
 * waits {@code WAIT n} and {@code NOWAIT} are taken out (they change nothing replicated), {@code RENAME TABLES}
 * becomes {@code RENAME TABLE}, and an index's {@code [NOT] IGNORED} becomes {@code [IN]VISIBLE} (both only hide an
 * index from the optimizer). {@code SET STATEMENT … FOR} before a statement, and a column's {@code COMPRESSED}, are
 * taken out. Only words outside strings,
 * quoted identifiers and comments are touched.
 */
final class MariaDbSpellings {

    /** The rewritten text and what the rewriting noticed. */
    record Prepared(String text, Set<String> invisibleColumns, boolean systemVersioning, boolean orReplace,
                    ExistenceConditions conditions) {
    }

    private enum Kind { WORD, QUOTED, COMMENT, SPACE, SYMBOL }

    private static final class Token {
        final Kind kind;
        String text;

        Token(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }
    }

    /** Words that start a key, not a column, inside a CREATE TABLE element list or an ADD. */
    private static final Set<String> KEY_WORDS = Set.of("PRIMARY", "KEY", "INDEX", "UNIQUE", "CONSTRAINT",
            "FOREIGN", "FULLTEXT", "SPATIAL", "CHECK", "PERIOD");

    /** A charset or collation name written in double quotes or backquotes. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\"`]\\w+[\"`]");

    private MariaDbSpellings() {
    }

    /** @param sql text with executable comments already opened */
    static Prepared prepare(String sql) {
        List<Token> all = tokens(sql);
        List<Token> t = new ArrayList<>(all.stream()
                .filter(token -> token.kind != Kind.SPACE && token.kind != Kind.COMMENT).toList());
        Set<String> invisible = new LinkedHashSet<>();
        boolean versioning = false;
        boolean orReplace = false;
        ExistenceConditions conditions = ExistenceConditions.none();
        dropStatementSettings(t); // the statement's own first word is then t[0]
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.kind == Kind.WORD && !token.text.chars().allMatch(c -> c < 128)) {
                token.text = "`" + token.text + "`"; // Druid's lexer stops at some letters outside ASCII
            } else if (i == 0 && token.is("CREATE") && is(t, 1, "OR") && is(t, 2, "REPLACE")
                    && (is(t, 3, "TABLE") || is(t, 3, "TEMPORARY"))) {
                // MariaDB's DROP TABLE IF EXISTS and CREATE in one: SchemaEvolution yields both
                orReplace = true;
                t.get(1).text = "";
                t.get(2).text = "";
            } else if (token.is("CHAR") && is(t, i + 1, "SET")) {
                token.text = "CHARACTER";
            } else if (token.is("CHARSET") && (is(t, i - 1, "TO") || isTableOption(t, i))) {
                token.text = "CHARACTER SET";
            } else if ((token.is("CHAR") || token.is("CHARACTER")) && is(t, i + 1, "VARYING")) {
                token.text = is(t, i - 1, "NATIONAL") ? "NVARCHAR" : "VARCHAR";
                t.get(i + 1).text = "";
                blankIfNational(t, i);
            } else if (token.is("NCHAR") && is(t, i + 1, "VARYING")) {
                token.text = "NVARCHAR";
                t.get(i + 1).text = "";
            } else if (token.is("NATIONAL") && (is(t, i + 1, "VARCHAR") || is(t, i + 1, "CHAR")
                    || is(t, i + 1, "CHARACTER")) && !is(t, i + 2, "VARYING")) {
                t.get(i + 1).text = is(t, i + 1, "VARCHAR") ? "NVARCHAR" : "NCHAR";
                token.text = "";
            } else if (token.is("LONG") && is(t, i + 1, "VARBINARY")) {
                token.text = "MEDIUMBLOB";
                t.get(i + 1).text = "";
            } else if (token.is("LONG") && is(t, i + 1, "BINARY")) {
                token.text = "MEDIUMTEXT"; // LONG BINARY is MEDIUMTEXT in the table charset's _bin collation
            } else if (token.kind == Kind.QUOTED && !token.text.startsWith("'") && NAME.matcher(token.text).matches()
                    && (is(t, i - 1, "SET") || is(t, i - 1, "CHARSET") || is(t, i - 1, "COLLATE")
                    || i >= 2 && t.get(i - 1).isSymbol('=') && (is(t, i - 2, "SET") || is(t, i - 2, "CHARSET")
                    || is(t, i - 2, "COLLATE")))) {
                token.text = token.text.substring(1, token.text.length() - 1); // CHARSET "latin1"
            } else if (token.is("LONG") && is(t, i + 1, "VARCHAR")) {
                token.text = "MEDIUMTEXT";
                t.get(i + 1).text = "";
            } else if (token.is("SERIAL") && is(t, i + 1, "DEFAULT") && is(t, i + 2, "VALUE")) {
                token.text = "NOT NULL AUTO_INCREMENT UNIQUE";
                t.get(i + 1).text = "";
                t.get(i + 2).text = "";
            } else if (token.is("INVISIBLE") && !is(t, i - 1, "SET")) { // MySQL's ALTER COLUMN c SET INVISIBLE
                columnOf(t, i).ifPresent(column -> {
                    invisible.add(column.toLowerCase(Locale.ROOT));
                    token.text = "";
                });
            } else if (token.is("SYSTEM") && is(t, i + 1, "VERSIONING")) {
                versioning = true;
                if (is(t, i - 1, "WITH") && depth(t, i) == 0) {
                    // the table option: taken out so the statement still classifies; SchemaEvolution refuses it
                    t.get(i - 1).text = "";
                    token.text = "";
                    t.get(i + 1).text = "";
                }
            } else if (token.is("ADD") && i + 1 < t.size() && t.get(i + 1).isSymbol('(')) {
                splitAddList(t, i);
            } else if (token.is("IF") && depth(t, i) == 0
                    && (is(t, i + 1, "EXISTS") || is(t, i + 1, "NOT") && is(t, i + 2, "EXISTS"))) {
                existenceCondition(t, i, conditions);
            } else if (i == 1 && token.is("TABLES") && is(t, 0, "RENAME")) {
                token.text = "TABLE";
            } else if (isLockWait(t, i)) {
                if (token.is("WAIT")) {
                    t.get(i + 1).text = "";
                }
                token.text = "";
            } else if (token.is("COMPRESSED") && isAfterType(t, i)) {
                // a storage attribute of the column, in every row event too (the reader inflates it)
                token.text = "";
                if (i + 2 < t.size() && t.get(i + 1).isSymbol('=') && t.get(i + 2).kind == Kind.WORD) {
                    t.get(i + 1).text = "";
                    t.get(i + 2).text = "";
                }
            } else if (token.is("IGNORED") && isIndexOption(t, is(t, i - 1, "NOT") ? i - 1 : i)) {
                token.text = is(t, i - 1, "NOT") ? "VISIBLE" : "INVISIBLE";
                if (is(t, i - 1, "NOT")) {
                    t.get(i - 1).text = "";
                }
            }
        }
        StringBuilder out = new StringBuilder(sql.length());
        all.forEach(token -> out.append(token.text));
        return new Prepared(out.toString(), invisible, versioning, orReplace, conditions);
    }

    /**
     * {@code SET STATEMENT var = value [, …] FOR statement}: the statement alone, which is what changes tables (the
     * settings are session variables for its run: timeouts, sql_mode). Read as a SET, the statement was skipped.
     */
    private static void dropStatementSettings(List<Token> t) {
        if (!is(t, 0, "SET") || !is(t, 1, "STATEMENT")) {
            return;
        }
        for (int i = 2; i < t.size(); i++) {
            if (t.get(i).is("FOR") && depth(t, i) == 0) {
                for (int j = 0; j <= i; j++) {
                    t.get(j).text = "";
                }
                t.subList(0, i + 1).clear();
                return;
            }
        }
    }

    /**
     * {@code IF [NOT] EXISTS} at {@code i}: taken out where it qualifies a column, key, constraint or partition (or
     * follows RENAME TABLE), its condition recorded for the name that follows; left where the grammar reads it
     * (CREATE, DROP and ALTER TABLE IF [NOT] EXISTS, and every other object's).
     */
    private static void existenceCondition(List<Token> t, int i, ExistenceConditions conditions) {
        ExistenceConditions.Subject subject = conditionSubject(t, i);
        if (subject == null) {
            return;
        }
        boolean ifAbsent = is(t, i + 1, "NOT");
        int name = i + (ifAbsent ? 3 : 2);
        for (int j = i; j < name; j++) {
            t.get(j).text = "";
        }
        if (name < t.size() && isName(t.get(name))) {
            conditions.record(subject, ifAbsent, Names.unquote(t.get(name).text));
        }
    }

    private static ExistenceConditions.Subject conditionSubject(List<Token> t, int i) {
        if (!(is(t, 0, "ALTER") || is(t, 0, "CREATE") || is(t, 0, "DROP") || is(t, 0, "RENAME"))) {
            return null;
        }
        if (is(t, i - 1, "COLUMN") || is(t, i - 1, "ADD") || is(t, i - 1, "DROP") || is(t, i - 1, "CHANGE")
                || is(t, i - 1, "MODIFY")) {
            return ExistenceConditions.Subject.COLUMN;
        }
        if (is(t, i - 1, "INDEX") || is(t, i - 1, "KEY")) {
            return is(t, i - 2, "FOREIGN") ? ExistenceConditions.Subject.OTHER : ExistenceConditions.Subject.KEY;
        }
        if (is(t, i - 1, "UNIQUE") || is(t, i - 1, "FULLTEXT") || is(t, i - 1, "SPATIAL")
                || is(t, i - 1, "CONSTRAINT") && is(t, i - 2, "ADD")) {
            return ExistenceConditions.Subject.KEY; // a unique constraint is a key; a check's name matches none
        }
        if (is(t, i - 1, "CONSTRAINT") || is(t, i - 1, "PARTITION") || is(t, i - 1, "TABLE") && is(t, 0, "RENAME")) {
            return ExistenceConditions.Subject.OTHER;
        }
        return null;
    }

    /**
     * MariaDB's lock waits: {@code WAIT n} or {@code NOWAIT} after the table of ALTER, DROP, TRUNCATE or RENAME TABLE,
     * or after the table or column list of CREATE and DROP INDEX.
     */
    private static boolean isLockWait(List<Token> t, int i) {
        if (!(is(t, 0, "ALTER") || is(t, 0, "CREATE") || is(t, 0, "DROP") || is(t, 0, "TRUNCATE")
                || is(t, 0, "RENAME")) || depth(t, i) != 0 || i < 2) {
            return false;
        }
        Token before = t.get(i - 1);
        boolean alter = is(t, 0, "ALTER");
        // ALTER's only place is after its table: elsewhere in it a name and NOWAIT could be a column called so
        boolean afterTable = isName(before) && (is(t, i - 2, "TABLE") || is(t, i - 2, "EXISTS")
                || t.get(i - 2).isSymbol('.') || i == 2 && is(t, 0, "TRUNCATE") && !before.is("TABLE")
                || !alter && (is(t, i - 2, "ON") || t.get(i - 2).isSymbol(',')));
        boolean afterList = !alter && before.isSymbol(')');
        if (t.get(i).is("WAIT")) {
            return i + 1 < t.size() && !t.get(i + 1).text.isEmpty()
                    && t.get(i + 1).text.chars().allMatch(Character::isDigit) && (afterTable || afterList);
        }
        return t.get(i).is("NOWAIT") && (afterTable || afterList);
    }

    /** Text and binary types a column may compress; a name in their place is not one (ROW_FORMAT=COMPRESSED). */
    private static final Set<String> COMPRESSIBLE = Set.of("TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "BLOB",
            "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BINARY");

    /**
     * Whether the word at {@code i} follows a column's type: a compressible type word, a length in parentheses, or
     * the type's charset or collation; not a column called so ({@code CHANGE old compressed INT}).
     */
    private static boolean isAfterType(List<Token> t, int i) {
        if (i < 2) {
            return false;
        }
        Token before = t.get(i - 1);
        return before.isSymbol(')') || before.kind == Kind.WORD
                && COMPRESSIBLE.contains(before.text.toUpperCase(Locale.ROOT))
                || is(t, i - 2, "SET") || is(t, i - 2, "CHARSET") || is(t, i - 2, "COLLATE");
    }

    /** {@code [NOT] IGNORED} (starting at {@code i}) after a key's column list or after ALTER INDEX name. */
    private static boolean isIndexOption(List<Token> t, int i) {
        return i >= 1 && t.get(i - 1).isSymbol(')')
                || i >= 3 && isName(t.get(i - 1)) && (is(t, i - 2, "INDEX") || is(t, i - 2, "KEY"))
                && is(t, i - 3, "ALTER");
    }

    private static boolean isName(Token token) {
        return token.kind == Kind.WORD && !token.text.isEmpty()
                || token.kind == Kind.QUOTED && token.text.startsWith("`");
    }

    private static boolean is(List<Token> t, int i, String word) {
        return i >= 0 && i < t.size() && t.get(i).is(word);
    }

    private static void blankIfNational(List<Token> t, int i) {
        if (is(t, i - 1, "NATIONAL")) {
            t.get(i - 1).text = "";
        }
    }

    /**
     * CHARSET as a table option ({@code [DEFAULT] CHARSET [=] x}) at the top level of CREATE/ALTER TABLE, not a
     * column called charset ({@code DROP charset}).
     */
    private static boolean isTableOption(List<Token> t, int i) {
        if (depth(t, i) != 0) {
            return false;
        }
        boolean afterTableName = is(t, i - 2, "TABLE") || i >= 4 && t.get(i - 2).isSymbol('.') && is(t, i - 4, "TABLE");
        return i + 1 < t.size() && t.get(i + 1).isSymbol('=') || is(t, i - 1, "DEFAULT")
                || i >= 1 && (t.get(i - 1).isSymbol(',') || t.get(i - 1).isSymbol(')')) || afterTableName;
    }

    private static int depth(List<Token> t, int i) {
        int depth = 0;
        for (int j = 0; j < i; j++) {
            if (t.get(j).isSymbol('(')) {
                depth++;
            } else if (t.get(j).isSymbol(')')) {
                depth--;
            }
        }
        return depth;
    }

    /**
     * The column whose definition holds the word at {@code i}, empty when it belongs to a key (MySQL's invisible
     * index) or cannot be told.
     */
    private static java.util.Optional<String> columnOf(List<Token> t, int i) {
        int depth = 0;
        int j = i - 1;
        for (; j >= 0; j--) {
            Token token = t.get(j);
            if (token.isSymbol(')')) {
                depth++;
            } else if (token.isSymbol('(')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (token.isSymbol(',') && depth == 0) {
                break;
            }
        }
        int start = j + 1;
        if (start == 0 && is(t, 0, "ALTER")) { // ALTER [ONLINE|IGNORE] TABLE [IF EXISTS] [db.]name
            while (start < i && !is(t, start, "TABLE")) {
                start++;
            }
            start += is(t, start + 1, "IF") ? 4 : 2;
            start += start < i && t.get(start).isSymbol('.') ? 2 : 0;
        }
        // an IF [NOT] EXISTS is blank by now (existenceCondition)
        while (start < i && (is(t, start, "ADD") || is(t, start, "MODIFY") || is(t, start, "ALTER")
                || is(t, start, "COLUMN") || t.get(start).text.isEmpty())) {
            start++;
        }
        if (is(t, start, "CHANGE")) {
            start += is(t, start + 1, "COLUMN") ? 2 : 1;
            while (start < i && t.get(start).text.isEmpty()) {
                start++;
            }
            start++; // the old name
        }
        if (start >= i) {
            return java.util.Optional.empty();
        }
        Token name = t.get(start);
        if (name.kind == Kind.WORD && KEY_WORDS.contains(name.text.toUpperCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        return name.kind == Kind.WORD || name.kind == Kind.QUOTED && name.text.startsWith("`")
                ? java.util.Optional.of(Names.unquote(name.text)) : java.util.Optional.empty();
    }

    /**
     * {@code ADD (a INT, PRIMARY KEY (a), INDEX i (b))}: MariaDB accepts keys in the list, Druid only columns. When a
     * key is among them, the list becomes {@code ADD a INT, ADD PRIMARY KEY (a), ADD INDEX i (b)}: the same, since
     * a parenthesised ADD appends its columns in order.
     */
    private static void splitAddList(List<Token> t, int add) {
        int open = add + 1;
        List<Integer> commas = new ArrayList<>();
        int depth = 0;
        int close = -1;
        for (int j = open; j < t.size() && close < 0; j++) {
            if (t.get(j).isSymbol('(')) {
                depth++;
            } else if (t.get(j).isSymbol(')')) {
                depth--;
                if (depth == 0) {
                    close = j;
                }
            } else if (t.get(j).isSymbol(',') && depth == 1) {
                commas.add(j);
            }
        }
        if (close < 0) {
            return;
        }
        List<Integer> starts = new ArrayList<>(List.of(open + 1));
        commas.forEach(comma -> starts.add(comma + 1));
        int end = close;
        boolean hasKey = starts.stream().anyMatch(s -> s < end && t.get(s).kind == Kind.WORD
                && KEY_WORDS.contains(t.get(s).text.toUpperCase(Locale.ROOT)));
        if (!hasKey) {
            return;
        }
        t.get(open).text = "";
        t.get(close).text = "";
        for (int comma : commas) {
            t.get(comma + 1).text = "ADD " + t.get(comma + 1).text;
        }
    }

    // ---------------------------------------------------------------- lexing

    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            Kind kind;
            if (c == '\'' || c == '"' || c == '`') {
                end = ExecutableComments.endOfQuoted(sql, i, c);
                kind = Kind.QUOTED;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                kind = Kind.COMMENT;
            } else if (c == '#' || sql.startsWith("--", i) && (i + 2 == n
                    || Character.isWhitespace(sql.charAt(i + 2)))) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                kind = Kind.COMMENT;
            } else if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < n && Character.isWhitespace(sql.charAt(end))) {
                    end++;
                }
                kind = Kind.SPACE;
            } else if (isWordChar(c)) {
                end = i + 1;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                kind = Kind.WORD;
            } else {
                end = i + 1;
                kind = Kind.SYMBOL;
            }
            tokens.add(new Token(kind, sql.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    /** Unquoted identifier characters: MySQL allows any letter outside ASCII besides [0-9a-zA-Z$_]. */
    private static boolean isWordChar(char c) {
        return c == '_' || c == '$' || (c < 128 ? Character.isLetterOrDigit(c) : Character.isLetterOrDigit(c)
                || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK);
    }
}
