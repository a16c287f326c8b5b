package io.chameleon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void derivesASnakeCaseNameWithRandomSuffixFromTheClass() {
        String name = DatabaseNames.forTestClass(MariaDbServerTest.class);

        assertTrue(name.matches("maria_db_server_test_[a-z0-9]{8}"), name);
        assertNotEquals(name, DatabaseNames.forTestClass(MariaDbServerTest.class));
    }

    @Test
    void nestedClassNamesStayValidIdentifiers() {
        String name = DatabaseNames.forTestClass(A_VeryLongNestedClassNameThatWouldNeverFitIntoAPostgresIdentifier.class);

        assertTrue(name.startsWith("database_names_test_a_very_long_nested_class_name_"), name);
        assertEquals(DatabaseNames.MAX_LENGTH, name.length(), name);
        assertEquals(name, DatabaseNames.requireValid(name));
    }

    @Test
    void rejectsNamesThatWouldNeedQuoting() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseNames.requireValid("Upper"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseNames.requireValid("x`; DROP DATABASE y"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseNames.requireValid("a".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> DatabaseNames.requireValid(null));
    }

    static class A_VeryLongNestedClassNameThatWouldNeverFitIntoAPostgresIdentifier {
    }
}
