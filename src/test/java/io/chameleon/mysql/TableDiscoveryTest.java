package io.chameleon.mysql;

import io.chameleon.config.ConfigurationException;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealServers
class TableDiscoveryTest {

    private final MariaDbDatabase source;

    TableDiscoveryTest(MariaDbDatabase source) {
        this.source = source;
    }

    @BeforeAll
    static void tables(MariaDbDatabase source) {
        source.execute(SourceFixtures.EVERY_TYPE);
        source.execute(SourceFixtures.KEYS);
    }

    private List<SourceTable> discover(List<String> limit, List<String> skip) throws SQLException {
        try (Connection mysql = source.connect()) {
            return new TableDiscovery(mysql).discover(
                    SourceFixtures.source(Map.of(source.name(), "dest"), limit, skip));
        }
    }

    private SourceTable table(String name) throws SQLException {
        return discover(List.of(), List.of()).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void findsBaseTablesInNameOrderAndIgnoresViews() throws SQLException {
        assertThat(discover(List.of(), List.of())).extracting(SourceTable::name).containsExactly(
                "bad_values", "composite_pk", "every_type", "myisam_table", "no_key", "notnull_unique",
                "nullable_unique");
    }

    @Test
    void appliesLimitTablesThenSkipTables() throws SQLException {
        String db = source.name();
        List<SourceTable> tables = discover(List.of(db + ".no_key", db + ".every_type", db + ".composite_pk"),
                List.of(db + ".composite_pk"));
        assertThat(tables).extracting(SourceTable::name).containsExactly("every_type", "no_key");
        assertThat(discover(List.of(), List.of(db + ".every_type"))).extracting(SourceTable::name)
                .doesNotContain("every_type").contains("no_key");
    }

    @Test
    void failsNamingAMappedDatabaseThatDoesNotExist() throws SQLException {
        try (Connection mysql = source.connect()) {
            assertThatThrownBy(() -> new TableDiscovery(mysql).discover(SourceFixtures.source(
                    Map.of(source.name(), "dest", "no_such_db", "x"), List.of(), List.of())))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("no_such_db")
                    .hasMessageNotContaining(source.name());
        }
    }

    @Test
    void readsEngineAndWhetherItIsTransactional() throws SQLException {
        assertThat(table("every_type").engine()).isEqualTo("InnoDB");
        assertThat(table("every_type").transactional()).isTrue();
        assertThat(table("myisam_table").engine()).isEqualTo("MyISAM");
        assertThat(table("myisam_table").transactional()).isFalse();
    }

    @Test
    void readsColumnTypesInOrder() throws SQLException {
        SourceTable table = table("every_type");
        assertThat(table.columns()).extracting(SourceColumn::position)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, table.columns().size())
                        .boxed().toList());
        SourceColumn intU = table.column("c_int_u").orElseThrow();
        assertThat(intU.dataType()).isEqualTo("int");
        assertThat(intU.columnType()).isEqualTo("int(10) unsigned");
        assertThat(intU.unsigned()).isTrue();
        assertThat(table.column("c_bool").orElseThrow().columnType()).isEqualTo("tinyint(1)");
        assertThat(table.column("id").orElseThrow().autoIncrement()).isTrue();
        assertThat(table.column("c_varchar").orElseThrow())
                .extracting(SourceColumn::maxLength, SourceColumn::charset, SourceColumn::nullable)
                .containsExactly(255L, "utf8mb4", false);
        assertThat(table.column("c_latin1").orElseThrow().charset()).isEqualTo("latin1");
        assertThat(table.column("c_decimal").orElseThrow())
                .extracting(SourceColumn::numericPrecision, SourceColumn::numericScale).containsExactly(65, 30);
        assertThat(table.column("c_timestamp").orElseThrow().datetimePrecision()).isEqualTo(6);
        assertThat(table.column("c_enum").orElseThrow().enumLabels()).containsExactly("a", "it's", "b,c");
        assertThat(table.column("c_set").orElseThrow().setLabels()).containsExactly("x", "y's", "z");
    }

    @Test
    void recognisesMariaDbJsonAliasAsJson() throws SQLException {
        SourceColumn json = table("every_type").column("c_json").orElseThrow();
        assertThat(json.dataType()).isEqualTo("json");
        assertThat(json.columnType()).isEqualTo("longtext");
        assertThat(table("every_type").column("c_longtext").orElseThrow().dataType()).isEqualTo("longtext");
    }

    @Test
    void normalisesDefaults() throws SQLException {
        SourceTable table = table("every_type");
        assertThat(table.column("c_tinyint").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Literal("-5"));
        assertThat(table.column("c_char").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Literal("it's"));
        assertThat(table.column("c_varchar").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Literal(""));
        assertThat(table.column("c_decimal").orElseThrow().defaultValue())
                .isEqualTo(new ColumnDefault.Literal("1.500000000000000000000000000000"));
        assertThat(table.column("c_datetime").orElseThrow().defaultValue())
                .isEqualTo(new ColumnDefault.Literal("2000-01-01 00:00:00.000000"));
        assertThat(table.column("c_timestamp").orElseThrow().defaultValue())
                .isEqualTo(new ColumnDefault.Expression("current_timestamp(6)"));
        assertThat(table.column("c_bit12").orElseThrow().defaultValue())
                .isEqualTo(new ColumnDefault.Expression("b'101'"));
        assertThat(table.column("c_int").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Null());
        assertThat(table.column("id").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.None());
        assertThat(table.column("c_timestamp").orElseThrow().extra()).containsIgnoringCase("on update");
    }

    @Test
    void readsIndexesPrimaryFirstWithKindsAndPrefixParts() throws SQLException {
        assertThat(table("composite_pk").indexes()).containsExactly(
                new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("b", "a"), false),
                new SourceIndex("ft_v", IndexKind.FULLTEXT, List.of("v"), false),
                new SourceIndex("ix_prefix", IndexKind.PLAIN, List.of("v"), true),
                new SourceIndex("ix_w_a", IndexKind.PLAIN, List.of("w", "a"), false));
    }

    @Test
    void choosesTheReplicaKey() throws SQLException {
        assertThat(table("composite_pk").replicaKey()).contains(List.of("b", "a"));
        assertThat(table("notnull_unique").replicaKey()).contains(List.of("code"));
        assertThat(table("nullable_unique").replicaKey()).isEmpty();
        assertThat(table("nullable_unique").notReplicatedReason())
                .contains("no primary key or unique key on NOT NULL columns");
        assertThat(table("no_key").replicaKey()).isEmpty();
        assertThat(table("every_type").notReplicatedReason()).isEmpty();
    }
}
