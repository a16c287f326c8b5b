package io.chameleon.mysql;

import io.chameleon.config.MySqlConnectionConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.ConnectionException;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens JDBC connections to a MySQL/MariaDB source, with a clear error naming the server when it cannot. */
public final class SourceConnector {

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
        props.setProperty("sslMode", db.sslMode().name());
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
            throw new ConnectionException("cannot connect to MySQL " + db.host() + ':' + db.port() + " as "
                    + db.user() + " (source " + sourceName + "): " + e.getMessage() + " ("
                    + AuthenticationHint.forError(sourceName, e.getMessage())
                    .orElse("check sources." + sourceName + ".db_conn in the configuration") + ")", e);
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
