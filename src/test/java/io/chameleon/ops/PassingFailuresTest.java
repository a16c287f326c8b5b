package io.chameleon.ops;

import com.fasterxml.jackson.core.JsonParseException;
import io.chameleon.error.ConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the replica retries (they heal) and which stop it (they would repeat). */
class PassingFailuresTest {

    @Test
    void connectionsAndServerStatesThatHealAreRetried() {
        assertThat(PassingFailures.isPassing(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(PassingFailures.isPassing(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(PassingFailures.isPassing(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(PassingFailures.isPassing(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(PassingFailures.isPassing(new ConnectionException("cannot reach", null))).isTrue();
    }

    @Test
    void failuresThatWouldRepeatAreNot() {
        assertThat(PassingFailures.isPassing(new NumberFormatException("For input string: \"19.5\""))).isFalse();
        assertThat(PassingFailures.isPassing(new SQLException("injected", "XX001"))).isFalse();
        // a structure in the catalogue that does not parse: an IOException, but no retry makes it parse
        assertThat(PassingFailures.isPassing(new IllegalStateException("not JSON",
                new JsonParseException(null, "Unexpected character")))).isFalse();
    }
}
