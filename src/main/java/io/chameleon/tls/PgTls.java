package io.chameleon.tls;

import io.chameleon.config.PgSslMode;
import io.chameleon.config.TlsFiles;

import java.util.Properties;

/**
 * {@code pg_conn}'s TLS as pgjdbc connection properties. pgjdbc reads client keys only as DER PKCS#8 or PKCS#12,
 * so the socket factory is ours ({@link PgSslSocketFactory}: PEM files, the same as for MySQL); pgjdbc keeps the
 * protocol, the {@code sslmode} semantics and, for verify-full, the host name check.
 */
public final class PgTls {

    static final String ROOT_CERT = "chameleon.sslrootcert";
    static final String CERT = "chameleon.sslcert";
    static final String KEY = "chameleon.sslkey";

    private PgTls() {
    }

    public static void applyTo(Properties props, PgSslMode mode, TlsFiles files) {
        props.setProperty("sslmode", mode.libpqWord());
        if (mode == PgSslMode.DISABLE) {
            return;
        }
        props.setProperty("sslfactory", PgSslSocketFactory.class.getName());
        if (files.ca() != null) {
            props.setProperty(ROOT_CERT, files.ca().toString());
        }
        if (files.cert() != null) {
            props.setProperty(CERT, files.cert().toString());
        }
        if (files.key() != null) {
            props.setProperty(KEY, files.key().toString());
        }
    }
}
