package io.chameleon.testsupport;

import java.nio.file.Path;

/** A MariaDB server with binlog on (ROW, FULL image, FULL metadata) and an account with replication rights. */
public final class MariaDbServer extends DatabaseServer {

    /** Connector/J options: no TLS on test servers; key retrieval in case an account uses caching_sha2 (MySQL). */
    private static final String URL_OPTIONS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000";
    /** A private server started with TLS required: encrypted, certificate unchecked (the tests check it). */
    private static final String TLS_URL_OPTIONS = "?sslMode=REQUIRED&connectTimeout=5000";

    private final boolean tlsRequired;

    MariaDbServer(Endpoint endpoint, Path scratchDir, Runnable shutdown) {
        this(endpoint, scratchDir, shutdown, false);
    }

    MariaDbServer(Endpoint endpoint, Path scratchDir, Runnable shutdown, boolean tlsRequired) {
        super("MariaDB", endpoint, scratchDir, shutdown);
        this.tlsRequired = tlsRequired;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + (database == null ? "" : database)
                + (tlsRequired ? TLS_URL_OPTIONS : URL_OPTIONS);
    }

    public MariaDbDatabase createDatabase(String name) {
        createDatabaseNamed(name);
        return new MariaDbDatabase(name, this);
    }

    @Override
    String createDatabaseSql(String name) {
        return "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
    }

    @Override
    String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS `" + name + "`";
    }

    @Override
    String existsSql(String name) {
        return "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '" + name + "'";
    }
}
