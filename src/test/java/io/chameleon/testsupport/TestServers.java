package io.chameleon.testsupport;

import io.chameleon.testsupport.TestEnvironment.Mode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MariaDB and PostgreSQL every integration test shares, started at most once per JVM on first use.
 * Source, in order: {@code CHAMELEON_TEST_*} env vars, private servers from local binaries, Testcontainers;
 * {@code chameleon.test.servers=env|local|containers} forces one. Do not {@code stop()} these shared instances.
 */
public final class TestServers {

    static final String HOW_TO_PROVIDE = "Provide test servers in one of these ways: install them "
            + "(apt-get install -y --no-install-recommends mariadb-server postgresql); or point the tests at running "
            + "servers with CHAMELEON_TEST_MARIADB_HOST/_PORT/_USER/_PASSWORD and CHAMELEON_TEST_PG_HOST/_PORT/_USER/"
            + "_PASSWORD; or run a Docker engine for Testcontainers. See TESTING.md.";

    private static final Once<MariaDbServer> MARIADB = new Once<>(TestServers::provideMariaDb);
    private static final Once<PostgresServer> POSTGRES = new Once<>(TestServers::providePostgres);

    private TestServers() {
    }

    public static MariaDbServer mariadb() {
        return MARIADB.get();
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    private static MariaDbServer provideMariaDb() {
        Optional<Endpoint> env = TestEnvironment.endpointFromEnv("MARIADB", 3306, "root");
        return switch (TestEnvironment.mode()) {
            case ENV -> verified(new MariaDbServer(env.orElseThrow(() -> unset("MARIADB")), null, () -> { }));
            case LOCAL -> LocalMariaDb.start();
            case CONTAINERS -> ContainerServers.mariadb();
            case AUTO -> env.isPresent() ? verified(new MariaDbServer(env.get(), null, () -> { }))
                    : LocalMariaDb.binariesAvailable() ? LocalMariaDb.start()
                    : ContainerServers.dockerAvailable() ? ContainerServers.mariadb()
                    : noSource("MariaDB (mariadbd, mariadb-install-db)");
        };
    }

    private static PostgresServer providePostgres() {
        Optional<Endpoint> env = TestEnvironment.endpointFromEnv("PG", 5432, "postgres");
        return switch (TestEnvironment.mode()) {
            case ENV -> verified(new PostgresServer(env.orElseThrow(() -> unset("PG")), null, () -> { }));
            case LOCAL -> LocalPostgres.start();
            case CONTAINERS -> ContainerServers.postgres();
            case AUTO -> env.isPresent() ? verified(new PostgresServer(env.get(), null, () -> { }))
                    : LocalPostgres.binariesAvailable() ? LocalPostgres.start()
                    : ContainerServers.dockerAvailable() ? ContainerServers.postgres()
                    : noSource("PostgreSQL (initdb, postgres, pg_ctl)");
        };
    }

    /** Fails at first use, with the address, rather than in the middle of some test. */
    private static <S extends DatabaseServer> S verified(S server) {
        try (Connection connection = server.connect(null)) {
            if (!connection.isValid(5)) {
                throw new SQLException("connection not valid");
            }
            return server;
        } catch (SQLException e) {
            throw new ServerException("Cannot log in to the server given by CHAMELEON_TEST_* env vars: " + server
                    + ": " + e.getMessage(), e);
        }
    }

    private static ServerException unset(String server) {
        return new ServerException(TestEnvironment.MODE_PROPERTY + "=env but CHAMELEON_TEST_" + server
                + "_HOST is not set. " + HOW_TO_PROVIDE);
    }

    private static <S> S noSource(String what) {
        throw new ServerException("No test server available: " + what + " binaries were not found, no "
                + "CHAMELEON_TEST_* env vars are set and Docker is not available. " + HOW_TO_PROVIDE);
    }

    /** Starts on first call; a failed start is remembered so later tests fail fast with the same cause. */
    private static final class Once<T> {
        private final Supplier<T> factory;
        private T value;
        private RuntimeException failure;

        Once(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (failure != null) {
                throw new ServerException("Test server unavailable, its start failed earlier in this JVM: "
                        + failure.getMessage().lines().findFirst().orElse(""), failure);
            }
            if (value == null) {
                try {
                    value = factory.get();
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return value;
        }
    }
}
