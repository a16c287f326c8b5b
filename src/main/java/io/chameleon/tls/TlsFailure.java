package io.chameleon.tls;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Says in words which TLS problem made a connection fail, from the exception the driver threw: the drivers bury
 * the cause (PKIX path building, a host name check, a server without TLS) under their own messages.
 */
public final class TlsFailure {

    /** Which side's keys the fix names. */
    public enum Side {
        MYSQL("db_conn.ssl_mode", "db_conn.ssl_ca", "verify-ca",
                "ssl_cert and ssl_key under [mysqld] in the server's my.cnf", "required"),
        POSTGRESQL("pg_conn.sslmode", "pg_conn.sslrootcert", "verify-ca",
                "ssl = on with ssl_cert_file and ssl_key_file in postgresql.conf", "require");

        private final String modeKey;
        private final String caKey;
        private final String weakerVerify;
        private final String serverSetup;
        private final String encryptingMode;

        Side(String modeKey, String caKey, String weakerVerify, String serverSetup, String encryptingMode) {
            this.modeKey = modeKey;
            this.caKey = caKey;
            this.weakerVerify = weakerVerify;
            this.serverSetup = serverSetup;
            this.encryptingMode = encryptingMode;
        }
    }

    private TlsFailure() {
    }

    /** The TLS cause and its fix, or empty when the failure is not about TLS. */
    public static Optional<String> explain(Throwable failure, Side side) {
        String all = messages(failure).toLowerCase(Locale.ROOT);
        if (all.contains("insecure transport are prohibited") || all.contains("no encryption")) {
            return Optional.of("TLS: the server accepts only encrypted connections (require_secure_transport / "
                    + "hostssl) and " + side.modeKey + " did not ask for TLS; set " + side.modeKey + " to "
                    + side.weakerVerify + " with " + side.caKey + ", or at least " + side.encryptingMode);
        }
        if (all.contains("does not support ssl") || all.contains("not supported by server")
                || all.contains("not provided by server")
                || all.contains("server does not support ssl")) {
            return Optional.of("TLS: the server does not offer TLS, which " + side.modeKey + " requires; enable it"
                    + " on the server (" + side.serverSetup + ") or lower " + side.modeKey);
        }
        if (has(failure, CertPathValidatorException.class) || all.contains("pkix path")
                || all.contains("unable to find valid certification path") || all.contains("unknown_ca")
                || all.contains("unknown ca")) {
            return Optional.of("TLS: unknown CA: the server's certificate is not signed by an authority of "
                    + side.caKey + " (or the Java trust store when it is not set); give the CA that signed the "
                    + "server's certificate in " + side.caKey);
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")
                || all.contains("could not be verified") || all.contains("identityverification")
                || all.contains("identity check failed") || all.contains("identity verification failed")
                || all.contains("does not match") && all.contains("host")) {
            return Optional.of("TLS: host name mismatch: the server's certificate does not name the host connected"
                    + " to; connect by a name or address the certificate lists, or use " + side.weakerVerify
                    + " (certificate checked, host name not)");
        }
        if (all.contains("certificate_required") || all.contains("bad_certificate")) {
            return Optional.of("TLS: the server refused the client certificate (or wanted one); check the"
                    + " client certificate and key settings");
        }
        if (has(failure, SSLHandshakeException.class) || has(failure, CertificateException.class)) {
            return Optional.of("TLS handshake failed: " + deepest(failure));
        }
        return Optional.empty();
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The root cause's message: the drivers' own wrappers say only "communications link failure". */
    private static String deepest(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
