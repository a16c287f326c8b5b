package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import static io.chameleon.mysql.SourceFlavour.MARIADB;
import static io.chameleon.mysql.SourceFlavour.MYSQL;
import static org.assertj.core.api.Assertions.assertThat;

class ColumnDefaultTest {

    @Test
    void readsMariaDbDefaultsAsSqlExpressions() {
        assertThat(ColumnDefault.fromCatalogue("'abc'", "", true, MARIADB)).isEqualTo(new ColumnDefault.Literal("abc"));
        assertThat(ColumnDefault.fromCatalogue("'it''s'", "", true, MARIADB))
                .isEqualTo(new ColumnDefault.Literal("it's"));
        assertThat(ColumnDefault.fromCatalogue("''", "", false, MARIADB)).isEqualTo(new ColumnDefault.Literal(""));
        assertThat(ColumnDefault.fromCatalogue("-5", "", false, MARIADB)).isEqualTo(new ColumnDefault.Literal("-5"));
        assertThat(ColumnDefault.fromCatalogue("NULL", "", true, MARIADB)).isEqualTo(new ColumnDefault.Null());
        assertThat(ColumnDefault.fromCatalogue(null, "", false, MARIADB)).isEqualTo(new ColumnDefault.None());
        assertThat(ColumnDefault.fromCatalogue("current_timestamp(6)", "", false, MARIADB))
                .isEqualTo(new ColumnDefault.Expression("current_timestamp(6)"));
        assertThat(ColumnDefault.fromCatalogue("b'101'", "", true, MARIADB))
                .isEqualTo(new ColumnDefault.Expression("b'101'"));
    }

    @Test
    void readsMySqlDefaultsAsUnquotedTextWithExpressionsFlagged() {
        assertThat(ColumnDefault.fromCatalogue("abc", "", true, MYSQL)).isEqualTo(new ColumnDefault.Literal("abc"));
        assertThat(ColumnDefault.fromCatalogue("NULL", "", true, MYSQL)).isEqualTo(new ColumnDefault.Literal("NULL"));
        assertThat(ColumnDefault.fromCatalogue("", "", false, MYSQL)).isEqualTo(new ColumnDefault.Literal(""));
        assertThat(ColumnDefault.fromCatalogue(null, "", true, MYSQL)).isEqualTo(new ColumnDefault.Null());
        assertThat(ColumnDefault.fromCatalogue(null, "", false, MYSQL)).isEqualTo(new ColumnDefault.None());
        assertThat(ColumnDefault.fromCatalogue("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", false, MYSQL))
                .isEqualTo(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
        assertThat(ColumnDefault.fromCatalogue("CURRENT_TIMESTAMP(3)", "", false, MYSQL))
                .as("MySQL 5.7 does not flag it").isEqualTo(new ColumnDefault.Expression("CURRENT_TIMESTAMP(3)"));
        assertThat(ColumnDefault.fromCatalogue("(rand())", "DEFAULT_GENERATED", true, MYSQL))
                .isEqualTo(new ColumnDefault.Expression("(rand())"));
    }

    @Test
    void tellsFlavourFromVersion() {
        assertThat(SourceFlavour.fromVersion("10.11.6-MariaDB-0+deb12u1-log")).isEqualTo(MARIADB);
        assertThat(SourceFlavour.fromVersion("8.0.36")).isEqualTo(MYSQL);
    }
}
