package io.chameleon.ddl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedefinedColumnsTest {

    @Test
    void namesTheColumnsAnAlterGivesAnExpression() {
        assertThat(RedefinedColumns.generatedBy("ALTER TABLE g ADD COLUMN w INT AS (a * 100) VIRTUAL,"
                + " ADD COLUMN plain INT DEFAULT 9, ADD COLUMN `S` VARCHAR(9) GENERATED ALWAYS AS (CONCAT(b, 'x'))"
                + " STORED, MODIFY COLUMN m INT AS (a + 1) PERSISTENT, CHANGE COLUMN x x2 INT AS (a) STORED,"
                + " MODIFY COLUMN retyped BIGINT, DROP COLUMN old"))
                .containsExactly("w", "s", "m", "x2");
    }

    @Test
    void nothingForStatementsThatGiveNoExpression() {
        assertThat(RedefinedColumns.generatedBy("ALTER TABLE g ADD INDEX idx_w (w)")).isEmpty();
        assertThat(RedefinedColumns.generatedBy("CREATE TABLE t (id INT PRIMARY KEY, v INT AS (id) VIRTUAL)"))
                .isEmpty();
        assertThat(RedefinedColumns.generatedBy("ALTER TABLE g ADD COLUMN ???")).isEmpty();
    }

    @Test
    void readsExecutableComments() {
        assertThat(RedefinedColumns.generatedBy("ALTER TABLE g /*!50700 MODIFY COLUMN w INT AS (a * 3) VIRTUAL */"))
                .containsExactly("w");
    }
}
