package io.chameleon.config;

/** {@code pg_conn}: the target PostgreSQL database, and the TLS of every connection to it. */
public record PgConnectionConfig(String host, int port, String user, Secret password, String database,
                                 String charset, PgSslMode sslMode, TlsFiles tls) {

    /**
     * URL for pgjdbc; user and password go in connection properties, never in the URL. The driver always talks
     * UTF-8 to the server, so {@code charset} is not part of it.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + JdbcHost.of(host) + ":" + port + "/" + JdbcHost.encodePath(database);
    }
}
