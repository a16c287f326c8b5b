package io.chameleon.schema;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.ColumnDefault;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chameleon.schema.TypeMapperTest.column;
import static org.assertj.core.api.Assertions.assertThat;

class ColumnDefaultsTest {

    private final TypeMapper mapper = new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT);

    private PgColumn withDefault(String dataType, String columnType, ColumnDefault declared) {
        return mapper.map("db", "t", column(dataType, columnType, declared, ""));
    }

    private String defaultOf(String dataType, String columnType, ColumnDefault declared) {
        return withDefault(dataType, columnType, declared).defaultSql();
    }

    @Test
    void keepsNumbersBareAndQuotesText() {
        assertThat(defaultOf("int", "int(11)", new ColumnDefault.Literal("-5"))).isEqualTo("-5");
        assertThat(defaultOf("decimal", "decimal(5,2)", new ColumnDefault.Literal("1.50"))).isEqualTo("1.50");
        assertThat(defaultOf("varchar", "varchar(10)", new ColumnDefault.Literal("it's"))).isEqualTo("'it''s'");
        assertThat(defaultOf("varchar", "varchar(10)", new ColumnDefault.Literal(""))).isEqualTo("''");
        assertThat(defaultOf("blob", "blob", new ColumnDefault.Literal("ab"))).isEqualTo("'\\x6162'");
    }

    @Test
    void translatesTemporalLiteralsAndFunctions() {
        assertThat(defaultOf("date", "date", new ColumnDefault.Literal("2020-01-31"))).isEqualTo("'2020-01-31'");
        assertThat(defaultOf("timestamp", "timestamp", new ColumnDefault.Literal("2020-01-31 10:00:00")))
                .isEqualTo("'2020-01-31 10:00:00+00'");
        assertThat(defaultOf("timestamp", "timestamp(6)", new ColumnDefault.Expression("current_timestamp(6)")))
                .isEqualTo("CURRENT_TIMESTAMP");
        assertThat(defaultOf("datetime", "datetime", new ColumnDefault.Expression("CURRENT_TIMESTAMP")))
                .isEqualTo("CURRENT_TIMESTAMP");
        assertThat(defaultOf("date", "date", new ColumnDefault.Expression("curdate()"))).isEqualTo("CURRENT_DATE");
    }

    @Test
    void dropsAZeroDateDefaultWithANote() {
        PgColumn column = withDefault("datetime", "datetime", new ColumnDefault.Literal("0000-00-00 00:00:00"));
        assertThat(column.defaultSql()).isNull();
        assertThat(column.notes()).containsExactly("column c: default '0000-00-00 00:00:00' dropped: ZERO_DATE");
    }

    @Test
    void dropsUntranslatableExpressionsWithANote() {
        PgColumn column = withDefault("varchar", "varchar(36)", new ColumnDefault.Expression("uuid()"));
        assertThat(column.defaultSql()).isNull();
        assertThat(column.notes()).containsExactly("column c: default uuid() dropped: expression not translated");
    }

    @Test
    void translatesBitLiteralsToTheColumnWidth() {
        assertThat(defaultOf("bit", "bit(12)", new ColumnDefault.Expression("b'101'"))).isEqualTo("'000000000101'");
        assertThat(defaultOf("bit", "bit(1)", new ColumnDefault.Expression("b'1'"))).isEqualTo("'1'");
        assertThat(defaultOf("bit", "bit(4)", new ColumnDefault.Literal("5"))).isEqualTo("'0101'");
    }

    @Test
    void translatesEnumAndSetLabels() {
        assertThat(defaultOf("enum", "enum('a','it''s')", new ColumnDefault.Literal("it's"))).isEqualTo("'it''s'");
        assertThat(defaultOf("set", "set('x','y','z')", new ColumnDefault.Literal("x,z")))
                .isEqualTo("'{\"x\",\"z\"}'");
    }

    @Test
    void givesNoDefaultForNullOrNone() {
        assertThat(defaultOf("int", "int(11)", new ColumnDefault.Null())).isNull();
        assertThat(defaultOf("int", "int(11)", new ColumnDefault.None())).isNull();
    }

    @Test
    void quotesLiteralDefaultsOfOverriddenColumns() {
        TypeMapper overriding = new TypeMapper(Map.of("tinyint(1)", new TypeOverride("boolean", List.of("*"))), false,
                BadValuePolicy.DEFAULT);
        assertThat(overriding.map("db", "t", column("tinyint", "tinyint(1)", new ColumnDefault.Literal("1"), ""))
                .defaultSql()).isEqualTo("'1'");
    }

    @Test
    void notesOnUpdateAndGeneratedColumns() {
        PgColumn column = mapper.map("db", "t", column("timestamp", "timestamp",
                new ColumnDefault.Expression("current_timestamp()"), "on update current_timestamp()"));
        assertThat(column.notes()).containsExactly(
                "column c: on update current_timestamp() not kept: updated values come from the stream");
    }
}
