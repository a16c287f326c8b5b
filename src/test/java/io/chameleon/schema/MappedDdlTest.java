package io.chameleon.schema;

import io.chameleon.config.TypeOverride;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table discovered in MariaDB really creates in PostgreSQL, with the types, NOT NULLs and defaults mapped. */
@RealServers
class MappedDdlTest {

    private static Map<String, PgTable> mapped;

    @BeforeAll
    static void createBoth(MariaDbDatabase source, PostgresDatabase target) throws SQLException {
        MappedSchema.createSource(source);
        mapped = MappedSchema.create(source, target, "dest", Map.of());
        MappedSchema.create(source, target, "dest_override", Map.of(
                "bit(1)", new TypeOverride("boolean", List.of("*")),
                "tinyint(1)", new TypeOverride("integer", List.of(source.name() + ".every_type"))));
    }

    private static List<List<Object>> columns(PostgresDatabase target, String schema, String table) {
        return target.queryForList("""
                SELECT c.column_name::text, format_type(a.atttypid, a.atttypmod), c.is_nullable::text,
                       c.column_default::text, c.is_identity::text
                FROM information_schema.columns c
                JOIN pg_attribute a ON a.attrelid = format('%%I.%%I', c.table_schema, c.table_name)::regclass
                                   AND a.attname = c.column_name
                WHERE c.table_schema = '%s' AND c.table_name = '%s' ORDER BY c.ordinal_position"""
                .formatted(schema, table));
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void createsEveryDiscoveredTable(PostgresDatabase target) {
        assertThat(target.queryForList("SELECT tablename::text FROM pg_tables WHERE schemaname = 'dest' ORDER BY 1"))
                .extracting(r -> r.get(0))
                .containsExactlyElementsOf(mapped.keySet().stream().sorted().map(Object.class::cast).toList());
    }

    @Test
    void createsEveryTypeRowWithItsNullabilityAndDefault(PostgresDatabase target) {
        assertThat(columns(target, "dest", "every_type")).containsExactly(
                row("id", "integer", "NO", null, "YES"),
                row("c_tinyint", "smallint", "NO", "'-5'::integer", "NO"),
                row("c_tinyint_u", "smallint", "YES", null, "NO"),
                row("c_bool", "smallint", "YES", "1", "NO"),
                row("c_smallint", "smallint", "YES", null, "NO"),
                row("c_smallint_u", "integer", "YES", null, "NO"),
                row("c_mediumint", "integer", "YES", null, "NO"),
                row("c_mediumint_u", "integer", "YES", null, "NO"),
                row("c_int", "integer", "YES", null, "NO"),
                row("c_int_u", "bigint", "YES", null, "NO"),
                row("c_bigint", "bigint", "YES", null, "NO"),
                row("c_bigint_u", "numeric(20,0)", "YES", "'18446744073709551615'::numeric", "NO"),
                row("c_bit1", "bit(1)", "YES", "'1'::\"bit\"", "NO"),
                row("c_bit12", "bit(12)", "YES", "'000000000101'::\"bit\"", "NO"),
                row("c_bit64", "bit(64)", "YES", null, "NO"),
                row("c_decimal", "numeric(65,30)", "YES", "1.500000000000000000000000000000", "NO"),
                row("c_float", "real", "YES", null, "NO"),
                row("c_double", "double precision", "YES", null, "NO"),
                row("c_char", "character(10)", "YES", "'it''s'::bpchar", "NO"),
                row("c_varchar", "character varying(255)", "NO", "''::character varying", "NO"),
                row("c_latin1", "character varying(20)", "YES", null, "NO"),
                row("c_tinytext", "text", "YES", null, "NO"),
                row("c_text", "text", "YES", null, "NO"),
                row("c_mediumtext", "text", "YES", null, "NO"),
                row("c_longtext", "text", "YES", null, "NO"),
                row("c_binary", "bytea", "YES", null, "NO"),
                row("c_varbinary", "bytea", "YES", null, "NO"),
                row("c_tinyblob", "bytea", "YES", null, "NO"),
                row("c_blob", "bytea", "YES", null, "NO"),
                row("c_mediumblob", "bytea", "YES", null, "NO"),
                row("c_longblob", "bytea", "YES", null, "NO"),
                row("c_date", "date", "YES", "'2020-01-31'::date", "NO"),
                row("c_datetime", "timestamp(6) without time zone", "YES",
                        "'2000-01-01 00:00:00'::timestamp without time zone", "NO"),
                row("c_timestamp", "timestamp(6) with time zone", "YES", "CURRENT_TIMESTAMP", "NO"),
                row("c_time", "interval(6)", "YES", null, "NO"),
                row("c_year", "smallint", "YES", null, "NO"),
                row("c_enum", "dest.enum_every_type_c_enum", "YES", "'it''s'::dest.enum_every_type_c_enum", "NO"),
                row("c_set", "text[]", "YES", "'{x,z}'::text[]", "NO"),
                row("c_json", "jsonb", "YES", null, "NO"),
                row("c_geometry", "bytea", "YES", null, "NO"),
                row("c_point", "bytea", "YES", null, "NO"),
                row("c_uuid", "uuid", "YES", null, "NO"),
                row("c_inet6", "inet", "YES", null, "NO"));
    }

    @Test
    void appliesTypeOverridesByExactTypeAndTableList(PostgresDatabase target) {
        assertThat(columns(target, "dest_override", "every_type"))
                .filteredOn(r -> List.of("c_bit1", "c_bool", "c_bit12").contains(r.get(0)))
                .containsExactly(
                        row("c_bool", "integer", "YES", "1", "NO"),
                        row("c_bit1", "boolean", "YES", "true", "NO"),
                        row("c_bit12", "bit(12)", "YES", "'000000000101'::\"bit\"", "NO"));
    }

    @Test
    void buildsPrimaryKeysAndTranslatableIndexes(PostgresDatabase target) {
        assertThat(target.queryForList("""
                SELECT tablename::text, indexname::text FROM pg_indexes WHERE schemaname = 'dest'
                ORDER BY 1, 2""")).containsExactly(
                row("bad_values", "bad_values_pkey"),
                row("composite_pk", "composite_pk_ix_w_a"),
                row("composite_pk", "composite_pk_pkey"),
                row("every_type", "every_type_ix_date"),
                row("every_type", "every_type_pkey"),
                row("every_type", "every_type_uk_uuid"),
                row("myisam_table", "myisam_table_pkey"),
                row("notnull_unique", "notnull_unique_a_nullable"),
                row("notnull_unique", "notnull_unique_z_code"),
                row("nullable_unique", "nullable_unique_uk_id"));
        assertThat(mapped.get("composite_pk").notes()).containsExactly(
                "index ft_v skipped: FULLTEXT indexes are not translated",
                "index ix_prefix skipped: it indexes column prefixes, which PostgreSQL cannot");
    }

    @Test
    void createsTablesWithTheFillfactor(PostgresDatabase target) {
        assertThat(target.queryForList(
                "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'dest.no_key'::regclass"))
                .containsExactly(row("fillfactor=90"));
    }
}
