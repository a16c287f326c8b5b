package io.chameleon.mysql;

import java.util.Optional;

/**
 * The fix for a login that caching_sha2_password (MySQL 8's default, the only built-in one in 9) refuses: without
 * TLS its full authentication needs the server's RSA key, which the client may only ask for when allowed.
 */
public final class AuthenticationHint {

    /** Connector/J's message when the server asks for the key and the client may not fetch it. */
    static final String PUBLIC_KEY_REFUSED = "Public Key Retrieval is not allowed";

    private AuthenticationHint() {
    }

    /** The fix for a connection error message, when it is one of caching_sha2_password's. */
    public static Optional<String> forError(String sourceName, String message) {
        if (message == null || !message.contains(PUBLIC_KEY_REFUSED)) {
            return Optional.empty();
        }
        String key = "sources." + sourceName + ".db_conn.";
        return Optional.of("the user logs in with caching_sha2_password over a connection without TLS: set "
                + key + "ssl_mode to required (or verify_ca) if the server has TLS, or set " + key
                + "allow_public_key_retrieval: true if the network to the server is trusted");
    }
}
