package io.chameleon.mysql;

import io.chameleon.config.MySqlConnectionConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.SslMode;
import io.chameleon.error.ConnectionException;
import io.chameleon.tls.MySqlTls;
import io.chameleon.tls.TlsFailure;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/** Opens JDBC connections to a MySQL/MariaDB source, with a clear error naming the server when it cannot. */
public final class SourceConnector {

    private static final int ACCESS_DENIED = 1045;

    private final String sourceName;
    private final MySqlConnectionConfig db;
    private final int netReadTimeoutSeconds;

    public SourceConnector(SourceConfig source) {
        this.sourceName = source.name();
        this.db = source.dbConn();
        this.netReadTimeoutSeconds = source.netReadTimeoutSeconds();
    }

    /** A connection for metadata and control statements. */
    public Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        if (db.password() != null) {
            props.setProperty("password", db.password().reveal());
        }
        MySqlTls.applyTo(props, db);
        props.setProperty("allowPublicKeyRetrieval", Boolean.toString(db.allowPublicKeyRetrieval()));
        props.setProperty("useUnicode", "true");
        props.setProperty("tcpKeepAlive", "true");
        try {
            Connection connection = MySqlDriver.INSTANCE.connect(db.jdbcUrl(), props);
            if (connection == null) {
                throw new SQLException("not a MySQL JDBC URL: " + db.jdbcUrl());
            }
            return connection;
        } catch (SQLException e) {
            String hint = TlsFailure.explain(e, TlsFailure.Side.MYSQL).or(() -> tlsRequired(e, props))
                    .map(tls -> tls + " (sources." + sourceName + ".db_conn)")
                    .or(() -> AuthenticationHint.forError(sourceName, e.getMessage()))
                    .orElse("check sources." + sourceName + ".db_conn in the configuration");
            throw new ConnectionException("cannot connect to MySQL " + db.host() + ':' + db.port() + " as "
                    + db.user() + " (source " + sourceName + "): " + firstLine(e.getMessage()) + " (" + hint + ")", e);
        }
    }

    /**
     * A connection for reading table data: strings arrive as raw bytes in their column's charset (decoded by the
     * column codecs), TIMESTAMP values in UTC, and slow clients are tolerated for {@code net_read_timeout}.
     */
    public Connection connectForCopy() {
        Connection connection = connect();
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION net_read_timeout = " + netReadTimeoutSeconds
                    + ", SESSION net_write_timeout = " + netReadTimeoutSeconds
                    + ", SESSION time_zone = '+00:00', SESSION character_set_results = NULL");
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ConnectionException("cannot prepare a copy session on MySQL " + db.host() + ':' + db.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB answers a plain login to a server with require_secure_transport=ON with "Access denied", as if the
     * password were wrong. When TLS was off, one login over TLS tells which it is.
     */
    private Optional<String> tlsRequired(SQLException failure, Properties plain) {
        if (db.sslMode() != SslMode.DISABLED || failure.getErrorCode() != ACCESS_DENIED) {
            return Optional.empty();
        }
        Properties encrypted = new Properties();
        encrypted.putAll(plain);
        encrypted.setProperty("sslMode", SslMode.REQUIRED.name());
        try (Connection ignored = MySqlDriver.INSTANCE.connect(db.jdbcUrl(), encrypted)) {
            return Optional.of("TLS: the server accepts only encrypted connections (require_secure_transport) and "
                    + "db_conn.ssl_mode is disabled; set db_conn.ssl_mode to verify-ca with db_conn.ssl_ca, or at "
                    + "least required");
        } catch (SQLException stillDenied) {
            return Optional.empty(); // the password is wrong after all
        }
    }

    /** Connector/J's communication errors run to several lines of advice of its own; the first one is the fact. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }

    public String describe() {
        return "MySQL " + db.host() + ':' + db.port() + " (source " + sourceName + ")";
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one reported
        }
    }

    /** The driver itself rather than DriverManager (see PostgresConnector: loading every driver costs start-up). */
    private static final class MySqlDriver {
        static final Driver INSTANCE;

        static {
            try {
                INSTANCE = new com.mysql.cj.jdbc.Driver();
            } catch (SQLException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
