package io.chameleon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second set of private servers starts next to the shared ones without colliding on ports or directories, as a
 * second test run on the same machine would, works, and stops cleanly without disturbing the shared ones.
 */
@RealServers
class IsolationTest {

    @Test
    void secondPrivateMariaDbRunsBesideTheSharedOne(MariaDbDatabase sharedDb) {
        assumeTrue(LocalMariaDb.binariesAvailable(), "no local MariaDB binaries");
        MariaDbServer shared = TestServers.mariadb();
        MariaDbServer second = LocalMariaDb.start();
        Path secondDir = second.scratchDir().orElseThrow();
        try {
            assertNotEquals(shared.port(), second.port());
            assertNotEquals(shared.password(), second.password());
            assertNotEquals(shared.scratchDir(), second.scratchDir());
            assertEquals(secondDir.resolve("data"), Path.of(variable(second, "@@datadir")));
            assertNotEquals(variable(shared, "@@server_id"), variable(second, "@@server_id"));

            MariaDbDatabase db = second.createDatabase(sharedDb.name()); // same name, other server
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (42)");
            assertEquals(List.of(List.of(42)), db.queryForList("SELECT id FROM t"));
            assertEquals(List.of(List.of(0L)), sharedDb.queryForList("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 't'"));
        } finally {
            second.stop();
        }
        assertThrows(SQLException.class, () -> second.connect(null).close());
        assertEquals(TestEnvironment.keep(), Files.exists(secondDir),
                "temp dir of the stopped server is removed unless chameleon.test.keep is set: " + secondDir);
        assertEquals(List.of(List.of(1)), sharedDb.queryForList("SELECT 1"), "the shared server must survive");
    }

    @Test
    void secondPrivatePostgresRunsBesideTheSharedOne(PostgresDatabase sharedDb) {
        assumeTrue(LocalPostgres.binariesAvailable(), "no local PostgreSQL binaries");
        PostgresServer shared = TestServers.postgres();
        PostgresServer second = LocalPostgres.start();
        Path secondDir = second.scratchDir().orElseThrow();
        try {
            assertNotEquals(shared.port(), second.port());
            assertNotEquals(shared.password(), second.password());
            assertNotEquals(shared.scratchDir(), second.scratchDir());
            assertEquals(secondDir.resolve("data"), Path.of(variable(second, "current_setting('data_directory')")));

            PostgresDatabase db = second.createDatabase(sharedDb.name());
            db.execute("CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (42)");
            assertEquals(List.of(List.of(42)), db.queryForList("SELECT id FROM t"));
            assertEquals(List.of(List.of(0L)), sharedDb.queryForList(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 't'"));
        } finally {
            second.stop();
        }
        assertThrows(SQLException.class, () -> second.connect(null).close());
        assertEquals(TestEnvironment.keep(), Files.exists(secondDir),
                "temp dir of the stopped server is removed unless chameleon.test.keep is set: " + secondDir);
        assertTrue(TestServers.postgres().databaseExists(sharedDb.name()), "the shared server must survive");
    }

    private static String variable(DatabaseServer server, String expression) {
        return String.valueOf(server.queryForList(null, "SELECT " + expression).get(0).get(0));
    }
}
