package io.chameleon.postgres;

import io.chameleon.config.PgSslMode;
import io.chameleon.config.TlsFiles;

/**
 * Where and as whom to connect to the target PostgreSQL, and with which TLS; the password is kept out of
 * {@link #toString()}.
 */
public record PostgresEndpoint(String host, int port, String user, String password, String database,
                               PgSslMode sslMode, TlsFiles tls) {

    /** pgjdbc's default TLS (prefer, nothing checked), for tests and tools that have no pg_conn. */
    public PostgresEndpoint(String host, int port, String user, String password, String database) {
        this(host, port, user, password, database, PgSslMode.PREFER, TlsFiles.NONE);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ':' + port + '/' + database;
    }

    /** host:port/database as user, for messages. */
    public String describe() {
        return "PostgreSQL " + host + ':' + port + '/' + database + " as " + user;
    }

    @Override
    public String toString() {
        return describe();
    }
}
