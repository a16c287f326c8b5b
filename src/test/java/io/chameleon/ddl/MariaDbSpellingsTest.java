package io.chameleon.ddl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbSpellingsTest {

    private static String text(String sql) {
        return MariaDbSpellings.prepare(sql).text();
    }

    @Test
    void rewritesSpellingsDruidLacks() {
        assertThat(text("CREATE TABLE t (a CHAR VARYING(3), b NATIONAL CHARACTER VARYING(4) CHAR SET latin1) "
                + "DEFAULT CHAR SET=utf8"))
                .isEqualTo("CREATE TABLE t (a VARCHAR (3), b  NVARCHAR (4) CHARACTER SET latin1) "
                        + "DEFAULT CHARACTER SET=utf8");
        assertThat(text("ALTER TABLE t CONVERT TO CHARSET latin1, CHARSET = latin1"))
                .isEqualTo("ALTER TABLE t CONVERT TO CHARACTER SET latin1, CHARACTER SET = latin1");
        assertThat(text("CREATE TABLE t (a LONG VARBINARY, b LONG VARCHAR, c SMALLINT SERIAL DEFAULT VALUE)"))
                .isEqualTo("CREATE TABLE t (a MEDIUMBLOB , b MEDIUMTEXT , c SMALLINT NOT NULL AUTO_INCREMENT UNIQUE  )");
        assertThat(text("ALTER TABLE t ADD (a INT, PRIMARY KEY (a, b), INDEX i (c))"))
                .isEqualTo("ALTER TABLE t ADD a INT, ADD PRIMARY KEY (a, b), ADD INDEX i (c)");
        assertThat(text("ALTER TABLE t ADD (a INT, b INT)")).isEqualTo("ALTER TABLE t ADD (a INT, b INT)");
        assertThat(text("create table žluť (kůň int)")).isEqualTo("create table `žluť` (`kůň` int)");
    }

    @Test
    void leavesQuotedTextCommentsAndLookalikeNamesAlone() {
        String sql = "CREATE TABLE `CHAR VARYING` (c VARCHAR(5) DEFAULT 'CHAR SET', `ž` INT COMMENT \"LONG VARCHAR\") "
                + "/* SERIAL DEFAULT VALUE */ -- INVISIBLE\n# ADD (PRIMARY KEY (a))";
        assertThat(text(sql)).isEqualTo(sql);
        assertThat(text("ALTER TABLE t DROP COLUMN charset, ADD charset INT")).isEqualTo(
                "ALTER TABLE t DROP COLUMN charset, ADD charset INT");
    }

    @Test
    void invisibleColumnsAreRememberedAndInvisibleKeysLeftToTheGrammar() {
        MariaDbSpellings.Prepared create = MariaDbSpellings.prepare(
                "CREATE TABLE t (id INT PRIMARY KEY, `S x` VARCHAR(3) INVISIBLE, k INT, KEY (k) INVISIBLE)");
        assertThat(create.invisibleColumns()).containsExactly("s x");
        assertThat(create.text()).isEqualTo(
                "CREATE TABLE t (id INT PRIMARY KEY, `S x` VARCHAR(3) , k INT, KEY (k) INVISIBLE)");
        assertThat(MariaDbSpellings.prepare("ALTER TABLE db.t ADD COLUMN IF NOT EXISTS a INT INVISIBLE, "
                + "CHANGE COLUMN b c INT INVISIBLE, MODIFY d INT(3) INVISIBLE, ALTER INDEX i INVISIBLE, "
                + "ALTER COLUMN e SET INVISIBLE").invisibleColumns()).containsExactly("a", "c", "d");
    }

    @Test
    void systemVersioningIsNoticed() {
        MariaDbSpellings.Prepared prepared = MariaDbSpellings.prepare("CREATE TABLE v (id INT) WITH SYSTEM VERSIONING");
        assertThat(prepared.systemVersioning()).isTrue();
        assertThat(prepared.text().trim()).isEqualTo("CREATE TABLE v (id INT)");
        assertThat(MariaDbSpellings.prepare("CREATE TABLE v (id INT, s VARCHAR(9) DEFAULT 'SYSTEM VERSIONING')")
                .systemVersioning()).isFalse();
    }
}
