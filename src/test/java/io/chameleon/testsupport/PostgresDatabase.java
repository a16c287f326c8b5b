package io.chameleon.testsupport;

/** A database on the test PostgreSQL. */
public record PostgresDatabase(String name, PostgresServer server) implements TestDatabase {
}
