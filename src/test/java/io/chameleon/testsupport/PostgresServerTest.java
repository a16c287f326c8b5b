package io.chameleon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

@RealServers
class PostgresServerTest {

    @Test
    void createsAndReadsATableInItsOwnDatabase(PostgresDatabase db) {
        db.execute("CREATE TABLE greeting (id int PRIMARY KEY, text text NOT NULL)",
                "INSERT INTO greeting VALUES (1, 'grüß dich'), (2, '👋')");

        assertEquals(List.of(List.of(1, "grüß dich"), List.of(2, "👋")),
                db.queryForList("SELECT id, text FROM greeting ORDER BY id"));
        assertEquals(List.of(List.of(db.name(), "UTF8")),
                db.queryForList("SELECT current_database(), pg_encoding_to_char(encoding) FROM pg_database "
                        + "WHERE datname = current_database()"));
    }

    @Test
    void logsInWithThePasswordOverTcp(PostgresDatabase db) throws SQLException {
        assertTrue(db.jdbcUrl().startsWith("jdbc:postgresql://"), db.jdbcUrl());
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.server().user(), db.server().password())) {
            assertTrue(connection.isValid(5));
        }
    }

    @Test
    void refusesAWrongPassword(PostgresDatabase db) {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(db.jdbcUrl(), db.server().user(), db.server().password() + "x").close());
        assertEquals("28P01", refused.getSQLState(), refused.getMessage()); // invalid_password
    }
}
