package io.chameleon.ddl;

/**
 * The text of a query event as the DDL grammar reads it: executable comments opened and MariaDB's spellings
 * rewritten ({@link MariaDbSpellings}), e.g. {@code SET STATEMENT … FOR} and lock waits taken out. Whoever reads a
 * statement's text outside the grammar reads this, so that both agree on what the statement is.
 */
public final class GrammarText {

    private GrammarText() {
    }

    public static String of(String sql) {
        return prepared(sql).text();
    }

    static MariaDbSpellings.Prepared prepared(String sql) {
        return MariaDbSpellings.prepare(ExecutableComments.open(sql));
    }
}
