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

    @Test
    void ignoresOtherStatements() {
        assertThat(TruncateStatement.parse("ALTER TABLE orders ADD COLUMN x INT")).isEmpty();
        assertThat(TruncateStatement.parse("TRUNCATE TABLE a, b")).isEmpty();
    }
}
