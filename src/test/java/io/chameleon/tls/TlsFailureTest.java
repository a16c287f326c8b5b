package io.chameleon.tls;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/** The drivers' exception chains, as seen against real servers, to the TLS cause in words. */
class TlsFailureTest {

    @Test
    void namesEachCauseWithTheKeyToChange() {
        assertThat(explain(new SQLException("Communications link failure", handshake(
                "PKIX path building failed: unable to find valid certification path to requested target")),
                TlsFailure.Side.MYSQL)).contains("unknown CA", "db_conn.ssl_ca");
        assertThat(explain(new SQLException("Communications link failure", new IOException(new CertificateException(
                "Server identity verification failed. None of the certificate's DNS or IP Subject Alternative Name"
                        + " entries matched the server hostname/IP 'localhost'."))), TlsFailure.Side.MYSQL))
                .contains("host name mismatch", "verify-ca");
        assertThat(explain(new SQLException("The hostname localhost could not be verified by hostnameverifier"
                + " PgjdbcHostnameVerifier."), TlsFailure.Side.POSTGRESQL)).contains("host name mismatch");
        assertThat(explain(new SQLException("SSL Connection required, but not provided by server."),
                TlsFailure.Side.MYSQL)).contains("does not offer TLS", "ssl_cert and ssl_key");
        assertThat(explain(new SQLException("The server does not support SSL."), TlsFailure.Side.POSTGRESQL))
                .contains("does not offer TLS", "ssl = on");
        assertThat(explain(new SQLException("FATAL: no pg_hba.conf entry for host \"127.0.0.1\", user \"u\", "
                + "database \"d\", no encryption"), TlsFailure.Side.POSTGRESQL))
                .contains("accepts only encrypted connections", "pg_conn.sslmode", "require");
        assertThat(TlsFailure.explain(new SQLException("Access denied for user 'u'@'h' (using password: YES)"),
                TlsFailure.Side.MYSQL)).isEmpty();
    }

    private static String explain(Throwable failure, TlsFailure.Side side) {
        return TlsFailure.explain(failure, side).orElseThrow(() -> new AssertionError("no TLS cause in " + failure));
    }

    private static SSLHandshakeException handshake(String message) {
        return new SSLHandshakeException(message);
    }
}
