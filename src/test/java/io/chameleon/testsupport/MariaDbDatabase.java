package io.chameleon.testsupport;

/** A database on the test MariaDB. */
public record MariaDbDatabase(String name, MariaDbServer server) implements TestDatabase {
}
