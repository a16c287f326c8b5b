package io.chameleon.config;

/**
 * {@code db_conn.ssl_mode}: TLS to the source, for the JDBC connections and the binlog stream alike. The names are
 * those of MySQL Connector/J's {@code sslMode} and of the binlog client's {@code SSLMode}.
 */
public enum SslMode {
    /** Plain connections. */
    DISABLED,
    /** TLS when the server offers it, without checking its certificate. */
    PREFERRED,
    /** TLS or no connection; the certificate is not checked. */
    REQUIRED,
    /** TLS with a certificate signed by an authority of the JVM trust store. */
    VERIFY_CA,
    /** As VERIFY_CA, and the certificate names the host connected to. */
    VERIFY_IDENTITY
}
