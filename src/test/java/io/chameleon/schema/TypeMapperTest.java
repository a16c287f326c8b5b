package io.chameleon.schema;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeMapperTest {

    private final TypeMapper mapper = new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT);

    /** A column as the catalogue would describe it; the type arguments are read the way MySQL reports them. */
    static SourceColumn column(String dataType, String columnType) {
        return column(dataType, columnType, new ColumnDefault.Null(), "");
    }

    static SourceColumn column(String dataType, String columnType, ColumnDefault defaultValue, String extra) {
        String charset = switch (dataType) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> "utf8mb4";
            default -> null;
        };
        Long length = dataType.endsWith("char") ? Long.valueOf(argument(columnType, 0)) : null;
        Integer precision = dataType.equals("decimal") ? Integer.valueOf(argument(columnType, 0)) : null;
        Integer scale = dataType.equals("decimal") ? Integer.valueOf(argument(columnType, 1)) : null;
        Integer fraction = List.of("datetime", "timestamp", "time").contains(dataType)
                ? (columnType.contains("(") ? Integer.valueOf(argument(columnType, 0)) : 0) : null;
        return new SourceColumn("c", 1, dataType, columnType, !(defaultValue instanceof ColumnDefault.None),
                defaultValue, extra, charset, null, length, precision, scale, fraction);
    }

    private static String argument(String columnType, int index) {
        return columnType.substring(columnType.indexOf('(') + 1, columnType.indexOf(')')).split(",")[index].strip();
    }

    private String type(String dataType, String columnType) {
        return mapper.map("db", "t", column(dataType, columnType)).type();
    }

    @Test
    void mapsSignedIntegersToTheSameOrNextWidth() {
        assertThat(type("tinyint", "tinyint(4)")).isEqualTo("smallint");
        assertThat(type("smallint", "smallint(6)")).isEqualTo("smallint");
        assertThat(type("mediumint", "mediumint(9)")).isEqualTo("integer");
        assertThat(type("int", "int(11)")).isEqualTo("integer");
        assertThat(type("bigint", "bigint(20)")).isEqualTo("bigint");
        assertThat(type("tinyint", "tinyint(1)")).isEqualTo("smallint");
    }

    @Test
    void mapsUnsignedIntegersOneSizeWider() {
        assertThat(type("tinyint", "tinyint(3) unsigned")).isEqualTo("smallint");
        assertThat(type("smallint", "smallint(5) unsigned")).isEqualTo("integer");
        assertThat(type("mediumint", "mediumint(8) unsigned")).isEqualTo("integer");
        assertThat(type("int", "int(10) unsigned")).isEqualTo("bigint");
        assertThat(type("bigint", "bigint(20) unsigned")).isEqualTo("numeric(20)");
        assertThat(mapper.map("db", "t", column("bigint", "bigint(20) unsigned")).codec())
                .isInstanceOf(UnsignedBigintCodec.class);
    }

    @Test
    void mapsEveryOtherTypeRow() {
        assertThat(type("bit", "bit(1)")).isEqualTo("bit(1)");
        assertThat(type("bit", "bit(64)")).isEqualTo("bit(64)");
        assertThat(type("decimal", "decimal(65,30)")).isEqualTo("numeric(65,30)");
        assertThat(type("float", "float")).isEqualTo("real");
        assertThat(type("double", "double")).isEqualTo("double precision");
        assertThat(type("char", "char(10)")).isEqualTo("char(10)");
        assertThat(type("varchar", "varchar(255)")).isEqualTo("varchar(255)");
        for (String text : List.of("tinytext", "text", "mediumtext", "longtext")) {
            assertThat(type(text, text)).isEqualTo("text");
        }
        for (String binary : List.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob")) {
            assertThat(type(binary, binary)).isEqualTo("bytea");
        }
        assertThat(type("date", "date")).isEqualTo("date");
        assertThat(type("datetime", "datetime(6)")).isEqualTo("timestamp(6)");
        assertThat(type("timestamp", "timestamp(3)")).isEqualTo("timestamptz(3)");
        assertThat(type("time", "time")).as("MySQL TIME is a duration up to 838 h").isEqualTo("interval(0)");
        assertThat(type("time", "time(3)")).isEqualTo("interval(3)");
        assertThat(type("year", "year(4)")).isEqualTo("smallint");
        assertThat(type("set", "set('a','b')")).isEqualTo("text[]");
        assertThat(type("json", "json")).isEqualTo("jsonb");
        assertThat(type("json", "longtext")).as("MariaDB's alias").isEqualTo("jsonb");
        assertThat(type("point", "point")).isEqualTo("bytea");
        assertThat(new TypeMapper(Map.of(), true, BadValuePolicy.DEFAULT)
                .map("db", "t", column("polygon", "polygon")).type())
                .isEqualTo("geometry");
    }

    @Test
    void mapsAnEnumToItsOwnTypeNamedAfterTableAndColumn() {
        PgColumn mapped = mapper.map("db", "orders", column("enum", "enum('new','it''s')"));
        assertThat(mapped.enumType()).isEqualTo(new PgEnumType("enum_orders_c", List.of("new", "it's")));
        assertThat(mapped.type()).isEqualTo("\"enum_orders_c\"");
        assertThat(mapped.codec()).isInstanceOf(EnumCodec.class);
    }

    @Test
    void mapsAutoIncrementToAnIdentityWithoutDefault() {
        PgColumn id = mapper.map("db", "t", column("int", "int(11)", new ColumnDefault.None(), "auto_increment"));
        assertThat(id.identity()).isTrue();
        assertThat(id.notNull()).isTrue();
        assertThat(id.defaultSql()).isNull();
        PgColumn unsignedBig = mapper.map("db", "t",
                column("bigint", "bigint(20) unsigned", new ColumnDefault.None(), "auto_increment"));
        assertThat(unsignedBig.identity()).isFalse();
        assertThat(unsignedBig.notes()).containsExactly(
                "column c: auto_increment not kept: numeric(20) cannot be an identity column");
    }

    @Test
    void overridesByExactColumnTypeInListedTablesOfTheOriginSchema() {
        TypeMapper overriding = new TypeMapper(Map.of("tinyint(1)", new TypeOverride("boolean", List.of("db.flags"))),
                false, BadValuePolicy.DEFAULT);
        assertThat(overriding.map("db", "flags", column("tinyint", "tinyint(1)")).type()).isEqualTo("boolean");
        assertThat(overriding.map("db", "other", column("tinyint", "tinyint(1)")).type()).isEqualTo("smallint");
        assertThat(overriding.map("dest", "flags", column("tinyint", "tinyint(1)")).type()).isEqualTo("smallint");
        assertThat(overriding.map("db", "flags", column("tinyint", "tinyint(4)")).type()).isEqualTo("smallint");
        assertThat(overriding.map("db", "flags", column("tinyint", "tinyint(1)")).codec())
                .as("values are still read as the MySQL type").isInstanceOf(ExactNumberCodec.class);
    }

    @Test
    void overridesInEveryTableWithStar() {
        TypeMapper overriding = new TypeMapper(Map.of("bit(1)", new TypeOverride("boolean", List.of("*"))), false,
                BadValuePolicy.DEFAULT);
        assertThat(overriding.map("any", "table", column("bit", "bit(1)")).type()).isEqualTo("boolean");
        TypeMapper enumAsText = new TypeMapper(Map.of("enum('a','b')", new TypeOverride("text", List.of("*"))), false,
                BadValuePolicy.DEFAULT);
        PgColumn overridden = enumAsText.map("db", "t", column("enum", "enum('a','b')"));
        assertThat(overridden.type()).isEqualTo("text");
        assertThat(overridden.enumType()).as("no enum type needed").isNull();
    }

    @Test
    void checksTheRangeOfTimesOnlyWhereOverriddenToPostgresTime() {
        assertThat(mapper.map("db", "t", column("time", "time")).codec()).isEqualTo(new TimeCodec("c", false));
        TypeMapper asTime = new TypeMapper(Map.of("time", new TypeOverride("time", List.of("*")),
                "time(3)", new TypeOverride("text", List.of("*"))), false, BadValuePolicy.DEFAULT);
        assertThat(asTime.map("db", "t", column("time", "time")).type()).isEqualTo("time");
        assertThat(asTime.map("db", "t", column("time", "time")).codec()).isEqualTo(new TimeCodec("c", true));
        assertThat(asTime.map("db", "t", column("time", "time(3)")).codec()).isEqualTo(new TimeCodec("c", false));
    }

    @Test
    void makesNotNullDateColumnsOutsideTheKeysNullableWhenZeroDatesBecomeNull() {
        SourceColumn id = new SourceColumn("id", 1, "date", "date", false, new ColumnDefault.None(), "", null, null,
                null, null, null, null);
        SourceColumn born = new SourceColumn("born", 2, "date", "date", false, new ColumnDefault.None(), "", null,
                null, null, null, null, null);
        SourceColumn at = new SourceColumn("at", 3, "datetime", "datetime", false, new ColumnDefault.None(), "",
                null, null, null, null, null, 0);
        SourceColumn name = new SourceColumn("name", 4, "varchar", "varchar(5)", false, new ColumnDefault.None(),
                "", "utf8mb4", null, 5L, null, null, null);
        SourceTable table = new SourceTable("db", "t", "InnoDB", true, List.of(id, born, at, name),
                List.of(new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false)), 0, 0);

        PgColumn nullableBorn = mapper.map(table, born);
        assertThat(nullableBorn.notNull()).isFalse();
        assertThat(nullableBorn.notes()).containsExactly(
                "column born: NOT NULL not kept: a zero date in it becomes NULL (bad_value_policy null)");
        assertThat(mapper.map(table, at).notNull()).isFalse();
        assertThat(mapper.map(table, id).notNull()).as("a key column").isTrue();
        assertThat(mapper.map(table, name).notNull()).as("not a date").isTrue();
        for (BadValuePolicy keeping : List.of(BadValuePolicy.DISCARD, BadValuePolicy.ERROR)) {
            TypeMapper strict = new TypeMapper(Map.of(), false, keeping);
            assertThat(strict.map(table, born).notNull()).as(keeping.name()).isTrue();
            assertThat(strict.map(table, born).notes()).isEmpty();
        }
    }

    @Test
    void refusesAnUnknownTypeNamingTheColumn() {
        assertThatThrownBy(() -> type("vector", "vector(3)")).isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("vector(3)").hasMessageContaining("skip_tables");
    }
}
