package io.chameleon.postgres;

import io.chameleon.error.ConnectionException;
import io.chameleon.tls.PgTls;
import io.chameleon.tls.TlsFailure;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to the target database with a clear error when it cannot. */
public final class PostgresConnector {

    /**
     * The driver itself rather than DriverManager, whose first use loads every JDBC driver on the class path (the
     * DDL parser's library brings one that starts JMX): a tenth of a second of every command's start.
     */
    private static final Driver DRIVER = new org.postgresql.Driver();

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
            return connection;
        } catch (SQLException e) {
            throw new ConnectionException("cannot connect to " + endpoint.describe() + ": " + e.getMessage()
                    + " (" + TlsFailure.explain(e, TlsFailure.Side.POSTGRESQL).orElse("check pg_conn in the "
                    + "configuration") + ")", e);
        }
    }
}
