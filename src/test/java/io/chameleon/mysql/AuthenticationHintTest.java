package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationHintTest {

    @Test
    void aRefusedPublicKeyRetrievalNamesBothFixes() {
        assertThat(AuthenticationHint.forError("mysql", "Public Key Retrieval is not allowed")).hasValue(
                "the user logs in with caching_sha2_password over a connection without TLS: set "
                        + "sources.mysql.db_conn.ssl_mode to required (or verify_ca) if the server has TLS, or set "
                        + "sources.mysql.db_conn.allow_public_key_retrieval: true if the network to the server is "
                        + "trusted");
    }

    @Test
    void otherErrorsHaveNoHint() {
        assertThat(AuthenticationHint.forError("mysql", "Access denied for user 'u'@'h' (using password: YES)"))
                .isEmpty();
        assertThat(AuthenticationHint.forError("mysql", null)).isEmpty();
    }
}
