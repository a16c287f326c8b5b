package io.chameleon.config;

import java.util.Locale;

/**
 * {@code sources.<name>.db_conn}: the source server. Named after its usual kind; for a pgsql source it holds a
 * PostgreSQL connection, and only then is {@code database} set (otherwise {@code null}).
 *
 * @param sslMode                  TLS for the JDBC connections and the binlog stream
 * @param tls                      CA, client certificate and key files of that TLS
 * @param allowPublicKeyRetrieval  caching_sha2_password may fetch the server's RSA key on a connection without TLS
 */
public record MySqlConnectionConfig(String host, int port, String user, Secret password, String charset,
                                    int connectTimeoutSeconds, String database, SslMode sslMode,
                                    TlsFiles tls, boolean allowPublicKeyRetrieval) {

    /** URL for MySQL Connector/J; user and password go in connection properties, never in the URL. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + JdbcHost.of(host) + ":" + port + "/?connectTimeout=" + connectTimeoutSeconds * 1000
                + "&characterEncoding=" + javaCharset();
    }

    /** URL for pgjdbc, for {@code type: pgsql} sources. */
    public String pgsqlJdbcUrl() {
        return "jdbc:postgresql://" + JdbcHost.of(host) + ":" + port + "/" + JdbcHost.encodePath(database)
                + "?connectTimeout=" + connectTimeoutSeconds;
    }

    /** Connector/J wants Java charset names; MySQL's utf8 variants and latin1 are spelled differently there. */
    private String javaCharset() {
        return switch (charset.toLowerCase(Locale.ROOT)) {
            case "utf8", "utf8mb3", "utf8mb4" -> "UTF-8";
            case "latin1" -> "Cp1252";
            default -> charset;
        };
    }
}
