package io.chameleon.ddl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutableCommentsTest {

    @Test
    void opensVersionedCommentsAsTheServerDoes() {
        assertThat(opened("/*!40000 ALTER TABLE `t` DISABLE KEYS */"))
                .isEqualTo("ALTER TABLE `t` DISABLE KEYS");
        assertThat(opened("DROP TABLE /*!32312 IF EXISTS*/ t")).isEqualTo("DROP TABLE IF EXISTS t");
        assertThat(opened("/*M!100100 ALTER TABLE t FORCE */"))
                .isEqualTo("ALTER TABLE t FORCE");
    }

    /** White space where the markers were does not matter to the parser. */
    private static String opened(String sql) {
        return ExecutableComments.open(sql).strip().replaceAll("\\s+", " ");
    }

    @Test
    void leavesCommentsStringsAndIdentifiersAlone() {
        String sql = "ALTER TABLE t /* why */ ADD `x/*!1 y*/` VARCHAR(9) DEFAULT '/*!1 z*/' -- /*!1 w */";
        assertThat(ExecutableComments.open(sql)).isEqualTo(sql);
    }
}
