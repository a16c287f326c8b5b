package io.chameleon.postgres;

/** Where and as whom to connect to the target PostgreSQL; the password is kept out of {@link #toString()}. */
public record PostgresEndpoint(String host, int port, String user, String password, String database) {

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
