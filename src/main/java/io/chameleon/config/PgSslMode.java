package io.chameleon.config;

import java.util.Locale;

/** {@code pg_conn.sslmode}: libpq's modes, as pgjdbc implements them. */
public enum PgSslMode {
    /** Plain connections. */
    DISABLE,
    /** Plain first, TLS when the server insists. */
    ALLOW,
    /** TLS when the server offers it, certificate unchecked (libpq's and pgjdbc's default). */
    PREFER,
    /** TLS or no connection; certificate unchecked. */
    REQUIRE,
    /** TLS with a certificate signed by sslrootcert's authorities (or the Java trust store's). */
    VERIFY_CA,
    /** As VERIFY_CA, and the certificate names the host connected to. */
    VERIFY_FULL;

    /** The word pgjdbc and libpq use, e.g. {@code verify-ca}. */
    public String libpqWord() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean encrypts() {
        return this != DISABLE && this != ALLOW;
    }

    public boolean checksCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }
}
