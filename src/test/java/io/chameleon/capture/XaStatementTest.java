package io.chameleon.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XaStatementTest {

    @Test
    void readsTheVerbAndTheXidAsTheServerWritesThem() {
        assertThat(XaStatement.of("XA END X'6131',X'',1"))
                .contains(new XaStatement(XaStatement.Verb.END, "X'6131',X'',1"));
        assertThat(XaStatement.of("xa rollback X'6132',X'',1"))
                .contains(new XaStatement(XaStatement.Verb.ROLLBACK, "X'6132',X'',1"));
        assertThat(XaStatement.of("XA COMMIT 'a b' ONE PHASE"))
                .contains(new XaStatement(XaStatement.Verb.COMMIT, "'a b'"));
        assertThat(XaStatement.of("XA END 'x' SUSPEND")).contains(new XaStatement(XaStatement.Verb.END, "'x'"));
        assertThat(XaStatement.of("XA COMMIT ' one phase'")).contains(new XaStatement(XaStatement.Verb.COMMIT,
                "' one phase'"));
        assertThat(XaStatement.of("XA START 'x'")).isEmpty();
        assertThat(XaStatement.of("ALTER TABLE xa ADD COLUMN c INT")).isEmpty();
    }
}
