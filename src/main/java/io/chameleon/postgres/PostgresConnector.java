package io.chameleon.postgres;

import io.chameleon.error.ConnectionException;
import io.chameleon.tls.PgTls;
import io.chameleon.tls.TlsFailure;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens JDBC connections to the target database with a clear error when it cannot. */
public final class PostgresConnector {

    /**
     * The driver itself rather than DriverManager, whose first use loads every JDBC driver on the class path (the
     * DDL parser's library brings one that starts JMX): a tenth of a second of every command's start.
     */
    private static final Driver DRIVER = new org.postgresql.Driver();

    /** How soon a statement whose client is gone stops (see {@link #stopStatementsWhenGone}). */
    private static final int CLIENT_CHECK_MILLIS = 2000;

    private final PostgresEndpoint endpoint;
    private final String applicationName;

    public PostgresConnector(PostgresEndpoint endpoint, String applicationName) {
        this.endpoint = endpoint;
        this.applicationName = applicationName;
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        if (endpoint.password() != null) {
            props.setProperty("password", endpoint.password());
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", "10");
        PgTls.applyTo(props, endpoint.sslMode(), endpoint.tls());
        try {
            Connection connection = DRIVER.connect(endpoint.jdbcUrl(), props);
            if (connection == null) {
                throw new SQLException("not a PostgreSQL JDBC URL: " + endpoint.jdbcUrl());
            }
            stopStatementsWhenGone(connection);
            return connection;
        } catch (SQLException e) {
            throw new ConnectionException("cannot connect to " + endpoint.describe() + ": " + e.getMessage()
                    + " (" + TlsFailure.explain(e, TlsFailure.Side.POSTGRESQL).orElse("check pg_conn in the "
                    + "configuration") + ")", e);
        }
    }

    /**
     * Asks the server to stop this connection's statement once the client is gone (its process killed, its host
     * lost): otherwise the statement runs to its end, holding its locks, the replay's among them, so that the next
     * replica process waits behind a statement nobody will read, for as long as it takes (seen: minutes). PostgreSQL
     * 14 and later poll the socket at this interval while a statement runs, on platforms that can (Linux); elsewhere,
     * and before 14, statements run to their end as they always did.
     */
    private static void stopStatementsWhenGone(Connection connection) {
        try {
            if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
                return;
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_MILLIS + "ms'");
            }
        } catch (SQLException refusedOnThisPlatform) {
            // a server that cannot poll its clients' sockets refuses any other value than 0: nothing is changed
        }
    }
}
