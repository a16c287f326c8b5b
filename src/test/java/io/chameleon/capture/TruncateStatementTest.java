package io.chameleon.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TruncateStatementTest {

    @Test
    void readsTheTableOfATruncate() {
        assertThat(TruncateStatement.parse("TRUNCATE TABLE orders"))
                .contains(new TruncateStatement.Target(null, "orders"));
        assertThat(TruncateStatement.parse("truncate `shop db`.`odd``name`;"))
                .contains(new TruncateStatement.Target("shop db", "odd`name"));
        assertThat(TruncateStatement.parse("/* by app */ TRUNCATE shop.orders"))
                .contains(new TruncateStatement.Target("shop", "orders"));
    }

    @Test
    void quotedNamesKeepCommentCharactersAndUnquotedNamesMayBeNonAscii() {
        assertThat(TruncateStatement.parse("TRUNCATE `#`")).contains(new TruncateStatement.Target(null, "#"));
        assertThat(TruncateStatement.parse("TRUNCATE TABLE `a -- b`.`/*x*/` -- why\n"))
                .contains(new TruncateStatement.Target("a -- b", "/*x*/"));
        assertThat(TruncateStatement.parse("TRUNCATE `x``#``y` # trailing"))
                .contains(new TruncateStatement.Target(null, "x`#`y"));
        assertThat(TruncateStatement.parse("truncate žluťoučký.kůň"))
                .contains(new TruncateStatement.Target("žluťoučký", "kůň"));
        assertThat(TruncateStatement.parse("TRUNCATE `ž`")).contains(new TruncateStatement.Target(null, "ž"));
    }

    /** MariaDB's forms that once slipped past as DDL: the target kept the rows the source had emptied. */
    @Test
    void readsTruncatesWithLockWaitsAndStatementSettings() {
        assertThat(TruncateStatement.parse("TRUNCATE TABLE orders WAIT 10"))
                .contains(new TruncateStatement.Target(null, "orders"));
        assertThat(TruncateStatement.parse("TRUNCATE shop.orders NOWAIT"))
                .contains(new TruncateStatement.Target("shop", "orders"));
        assertThat(TruncateStatement.parse("SET STATEMENT max_statement_time=5, sql_mode='' FOR TRUNCATE TABLE `x y`"))
                .contains(new TruncateStatement.Target(null, "x y"));
        assertThat(TruncateStatement.parse("SET STATEMENT max_statement_time=5 FOR SELECT 1")).isEmpty();
        assertThat(TruncateStatement.parse("TRUNCATE orders WAIT 3"))
                .contains(new TruncateStatement.Target(null, "orders"));
        assertThat(TruncateStatement.parse("TRUNCATE TABLE nowait"))
                .contains(new TruncateStatement.Target(null, "nowait"));
    }

    @Test
    void ignoresOtherStatements() {
        assertThat(TruncateStatement.parse("ALTER TABLE orders ADD COLUMN x INT")).isEmpty();
        assertThat(TruncateStatement.parse("TRUNCATE TABLE a, b")).isEmpty();
    }
}
