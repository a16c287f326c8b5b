package io.chameleon.testsupport;

import java.nio.file.Path;

/** A PostgreSQL server whose account can create databases and logs in with a real (scram) password. */
public final class PostgresServer extends DatabaseServer {

    private static final String MAINTENANCE_DATABASE = "postgres";

    private final boolean tlsOnly;

    PostgresServer(Endpoint endpoint, Path scratchDir, Runnable shutdown) {
        this(endpoint, scratchDir, shutdown, false);
    }

    /** @param tlsOnly a private server with only hostssl lines: connect with sslmode=require */
    PostgresServer(Endpoint endpoint, Path scratchDir, Runnable shutdown, boolean tlsOnly) {
        super("PostgreSQL", endpoint, scratchDir, shutdown);
        this.tlsOnly = tlsOnly;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + (database == null ? MAINTENANCE_DATABASE : database)
                + (tlsOnly ? "?sslmode=require" : "");
    }

    public PostgresDatabase createDatabase(String name) {
        createDatabaseNamed(name);
        return new PostgresDatabase(name, this);
    }

    /** template0: template1 may be in use by a concurrent session, which makes CREATE DATABASE fail. */
    @Override
    String createDatabaseSql(String name) {
        return "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'";
    }

    /** FORCE: connections the code under test left open must not keep the database alive. */
    @Override
    String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)";
    }

    @Override
    String existsSql(String name) {
        return "SELECT datname FROM pg_database WHERE datname = '" + name + "'";
    }
}
