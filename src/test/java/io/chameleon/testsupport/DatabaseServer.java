package io.chameleon.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/** What MariaDB and PostgreSQL test servers share: an endpoint, JDBC access, database lifecycle and stopping. */
public abstract sealed class DatabaseServer permits MariaDbServer, PostgresServer {

    private final String product;
    private final Endpoint endpoint;
    private final Path scratchDir;
    private final Runnable shutdown;
    private final AtomicBoolean stopped = new AtomicBoolean();

    DatabaseServer(String product, Endpoint endpoint, Path scratchDir, Runnable shutdown) {
        this.product = product;
        this.endpoint = endpoint;
        this.scratchDir = scratchDir;
        this.shutdown = shutdown;
    }

    public String host() {
        return endpoint.host();
    }

    public int port() {
        return endpoint.port();
    }

    public String user() {
        return endpoint.user();
    }

    public String password() {
        return endpoint.password();
    }

    /** The temp dir of a private server (data dir, server logs); empty for env and container servers. */
    public Optional<Path> scratchDir() {
        return Optional.ofNullable(scratchDir);
    }

    /** JDBC URL for {@code database}; null means no database (MariaDB) or the maintenance database (PostgreSQL). */
    public abstract String jdbcUrl(String database);

    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user());
        credentials.setProperty("password", password());
        return DriverManager.getConnection(jdbcUrl(database), credentials);
    }

    /** Runs each statement in order on one connection (auto-commit); fails naming the statement that broke. */
    public void execute(String database, String... sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                try {
                    statement.execute(each);
                } catch (SQLException e) {
                    throw failure("statement failed in database " + database + ": " + each, e);
                }
            }
        } catch (SQLException e) {
            throw failure("could not connect to database " + database, e);
        }
    }

    /** All rows of a query as plain lists of column values, for assertions. */
    public List<List<Object>> queryForList(String database, String sql) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.add(rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw failure("query failed in database " + database + ": " + sql, e);
        }
    }

    public void dropDatabase(String name) {
        execute(null, dropDatabaseSql(DatabaseNames.requireValid(name)));
    }

    /** Whether a database of that name exists on this server. */
    public boolean databaseExists(String name) {
        return !queryForList(null, existsSql(DatabaseNames.requireValid(name))).isEmpty();
    }

    /** Stops a private server (env servers are left alone); later calls do nothing. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            shutdown.run();
        }
    }

    void createDatabaseNamed(String name) {
        execute(null, createDatabaseSql(DatabaseNames.requireValid(name)));
    }

    abstract String createDatabaseSql(String name);

    abstract String dropDatabaseSql(String name);

    abstract String existsSql(String name);

    ServerException failure(String what, SQLException e) {
        return new ServerException(this + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return product + " " + endpoint;
    }
}
