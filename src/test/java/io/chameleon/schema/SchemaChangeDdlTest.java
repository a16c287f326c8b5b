package io.chameleon.schema;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.chameleon.testsupport.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each change is replayed on a table holding rows (schema {@code sa_<case>}) and compared, as PostgreSQL reports
 * it, with the same target shape created from scratch (schema {@code sb_<case>}).
 */
@RealServers
class SchemaChangeDdlTest {

    private static final TableMapper MAPPER = new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT));

    private final PostgresDatabase target;

    SchemaChangeDdlTest(PostgresDatabase target) {
        this.target = target;
    }

    // ---- scenarios ----

    @Test
    void addsNullableDefaultedEnumAndNotNullColumnsFillingExistingRowsAsMySqlDoes() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("name", "varchar(20)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("name", "varchar(20)"),
                nullable("note", "varchar(30)"), withDefault(notNull("qty", "int(11)"), "5"),
                nullable("state", "enum('new','old')"), notNull("cnt", "int(11)"),
                notNull("kind", "enum('x','y')")), pk("id"));
        replay("add", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 'a'), (2, 'b')"), List.of(),
                "SELECT id, name, note, qty, state::text, cnt, kind::text FROM {t} ORDER BY id",
                row(1, "a", null, 5, null, 0, "x"), row(2, "b", null, 5, null, 0, "x"));
    }

    @Test
    void dropsColumnsWithTheirIndexesAndEnumTypes() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                nullable("b", "varchar(10)"), nullable("e", "enum('p','q')")),
                pk("id"), plain("ix_b", "b"), plain("ix_ab", "a", "b"), plain("ix_e", "e"));
        // MySQL keeps an index losing one of its columns, on the others
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)")),
                pk("id"), plain("ix_ab", "a"));
        replay("drop_col", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 10, 'x', 'q')"), List.of(),
                "SELECT id, a FROM {t}", row(1, 10));
    }

    @Test
    void renamesColumnsAlsoInThePrimaryKeyAndIdentity() throws SQLException {
        SourceTable before = table(List.of(autoIncrement("id", "int(11)"), notNull("code", "varchar(5)"),
                nullable("v", "int(11)")), pk("id", "code"), plain("ix_v", "v"));
        SourceTable after = table(List.of(autoIncrement("ident", "int(11)"), notNull("code", "varchar(5)"),
                nullable("value", "int(11)")), pk("ident", "code"), plain("ix_v", "value"));
        List<String> alter = replay("rename_col", before, after, Map.of("id", "ident", "v", "value"),
                List.of("INSERT INTO {t} VALUES (1, 'a', 7)"), List.of(),
                "SELECT ident, code, value FROM {t}", row(1, "a", 7));
        assertThat(alter).as("keys follow renamed columns").noneMatch(sql -> sql.contains("INDEX")
                || sql.contains("CONSTRAINT"));
    }

    @Test
    void swapsColumnNamesTypesAndEnumTypes() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("x", "enum('a','b')"),
                nullable("y", "enum('c','d')"), nullable("n", "int(11)"), nullable("s", "varchar(5)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("y", "enum('a','b')"),
                nullable("x", "enum('c','d')"), nullable("s", "int(11)"), nullable("n", "varchar(5)")), pk("id"));
        replay("swap", before, after, Map.of("x", "y", "y", "x", "n", "s", "s", "n"),
                List.of("INSERT INTO {t} VALUES (1, 'b', 'c', 3, 'z')"), List.of(),
                "SELECT y::text, x::text, s, n FROM {t}", row("b", "c", 3, "z"));
    }

    @Test
    void renamesAndRetypesAColumnInOneChange() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("qty", "int(11)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("amount", "varchar(12)")), pk("id"));
        replay("change", before, after, Map.of("qty", "amount"), List.of("INSERT INTO {t} VALUES (1, 42), (2, -7)"),
                List.of(), "SELECT id, amount FROM {t} ORDER BY id", row(1, "42"), row(2, "-7"));
    }

    @Test
    void convertsWidenedAndCrossFamilyTypes() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                nullable("b", "varchar(10)"), nullable("c", "int(11)"), nullable("d", "varchar(10)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("a", "bigint(20)"),
                nullable("b", "varchar(50)"), nullable("c", "varchar(11)"), nullable("d", "int(11)")), pk("id"));
        replay("widen", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 2147483647, 'abc', 15, '0042')"),
                List.of("INSERT INTO {t} VALUES (2, 9223372036854775807, repeat('x', 50), NULL, NULL)"),
                "SELECT id, a, b, c, d FROM {t} ORDER BY id",
                row(1, 2147483647L, "abc", "15", 42), row(2, Long.MAX_VALUE, "x".repeat(50), null, null));
    }

    @Test
    void addsEnumLabelsUsableInTheSameTransaction() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"),
                withDefault(notNull("e", "enum('a','b')"), "a")), pk("id"), plain("ix_e", "e"));
        SourceTable after = table(List.of(notNull("id", "int(11)"),
                withDefault(notNull("e", "enum('a','b','c')"), "a")), pk("id"), plain("ix_e", "e"));
        replay("enum_add", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 'a'), (2, 'b')"),
                List.of("INSERT INTO {t} VALUES (3, 'c')", "INSERT INTO {t} (id) VALUES (4)"),
                "SELECT id, e::text FROM {t} ORDER BY id", row(1, "a"), row(2, "b"), row(3, "c"), row(4, "a"));
    }

    @Test
    void convertsBetweenEnumsAndStringsAndReordersLabels() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("e", "enum('a','b')"),
                nullable("s", "varchar(5)"), withDefault(nullable("r", "enum('x','y','z')"), "y")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("e", "varchar(5)"),
                nullable("s", "enum('k','m')"), withDefault(nullable("r", "enum('z','y')"), "z")), pk("id"));
        replay("enum_text", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 'b', 'm', 'y')"),
                List.of(), "SELECT id, e, s::text, r::text, r > 'y' FROM {t}", row(1, "b", "m", "y", false));
    }

    @Test
    void setsDropsAndChangesDefaults() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), withDefault(nullable("a", "int(11)"), "1"),
                nullable("b", "int(11)"), withDefault(nullable("c", "varchar(5)"), "x")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                withDefault(nullable("b", "int(11)"), "7"), withDefault(nullable("c", "varchar(5)"), "y")), pk("id"));
        replay("defaults", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 2, 3, 'q')"),
                List.of("INSERT INTO {t} (id) VALUES (2)"),
                "SELECT id, a, b, c FROM {t} ORDER BY id", row(1, 2, 3, "q"), row(2, null, 7, "y"));
    }

    @Test
    void setsNotNullFillingNullsWithTheZeroValueAndDropsIt() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                notNull("b", "int(11)"), nullable("e", "enum('p','q')")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), notNull("a", "int(11)"),
                nullable("b", "int(11)"), notNull("e", "enum('p','q')")), pk("id"));
        replay("not_null", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, NULL, 5, NULL), (2, 3, 6, 'q')"),
                List.of("INSERT INTO {t} VALUES (3, 4, NULL, 'q')"),
                "SELECT id, a, b, e::text FROM {t} ORDER BY id",
                row(1, 0, 5, "p"), row(2, 3, 6, "q"), row(3, 4, null, "q"));
    }

    @Test
    void addsAPrimaryKey() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("v", "int(11)")));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("v", "int(11)")), pk("id"));
        replay("pk_add", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 1)"), List.of(),
                "SELECT id, v FROM {t}", row(1, 1));
    }

    @Test
    void dropsAPrimaryKey() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("v", "int(11)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("v", "int(11)")));
        replay("pk_drop", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 1)"),
                List.of("INSERT INTO {t} VALUES (1, 2)"), "SELECT id, v FROM {t} ORDER BY v", row(1, 1), row(1, 2));
    }

    @Test
    void replacesAPrimaryKey() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("code", "varchar(5)")), pk("id"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), notNull("code", "varchar(5)")),
                pk("code", "id"));
        replay("pk_replace", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 'a')"), List.of(),
                "SELECT id, code FROM {t}", row(1, "a"));
    }

    @Test
    void addsDropsAndRebuildsIndexes() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                nullable("b", "int(11)"), nullable("c", "varchar(5)")),
                pk("id"), unique("uk_old", "a"), plain("ix_old", "b"), plain("ix_x", "a"), unique("uk_y", "c"),
                plain("ix_same", "b", "a"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("a", "int(11)"),
                nullable("b", "int(11)"), nullable("c", "varchar(5)")),
                pk("id"), unique("uk_code", "c", "a"), plain("ix_v", "b"), plain("ix_x", "a", "b"), plain("uk_y", "c"),
                plain("ix_same", "b", "a"));
        List<String> alter = replay("indexes", before, after, Map.of(),
                List.of("INSERT INTO {t} VALUES (1, 1, 1, 'a')"), List.of(), "SELECT id FROM {t}", row(1));
        assertThat(alter).as("an unchanged index stays").noneMatch(sql -> sql.contains("ix_same"));
    }

    @Test
    void keepsAnIndexOnARenamedColumnAndIndexesItAgain() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), nullable("v", "int(11)")), pk("id"),
                plain("ix_v", "v"));
        SourceTable after = table(List.of(notNull("id", "int(11)"), nullable("w", "int(11)")), pk("id"),
                plain("ix_v", "w"), unique("uk_w", "w", "id"));
        List<String> alter = replay("index_rename", before, after, Map.of("v", "w"),
                List.of("INSERT INTO {t} VALUES (1, 5)"), List.of(), "SELECT id, w FROM {t}", row(1, 5));
        assertThat(alter).noneMatch(sql -> sql.contains("\"t_ix_v\""));
    }

    @Test
    void addsAndDropsIdentityMovingTheSequencePastExistingIds() throws SQLException {
        SourceTable before = table(List.of(notNull("id", "int(11)"), autoIncrement("n", "int(11)")),
                pk("id"), unique("uk_n", "n"));
        SourceTable after = table(List.of(autoIncrement("id", "bigint(20)"), notNull("n", "int(11)")),
                pk("id"), unique("uk_n", "n"));
        replay("identity", before, after, Map.of(), List.of("INSERT INTO {t} VALUES (1, 1), (5, 2)"),
                List.of("INSERT INTO {t} (n) VALUES (3)"), "SELECT id, n FROM {t} ORDER BY n",
                row(1L, 1), row(5L, 2), row(6L, 3));
    }

    @Test
    void appliesManyChangesAtOnce() throws SQLException {
        SourceTable before = table(List.of(autoIncrement("id", "int(11)"), nullable("a", "int(11)"),
                nullable("b", "varchar(10)"), nullable("c", "enum('x','y')"), nullable("d", "int(11)")),
                pk("id"), plain("ix_d", "d"));
        SourceTable after = table(List.of(autoIncrement("id", "int(11)"), nullable("a", "bigint(20)"),
                nullable("bb", "varchar(10)"), nullable("c", "enum('x','y')"),
                withDefault(notNull("e", "varchar(5)"), "z"), nullable("f", "int(11)")),
                pk("id"), plain("ix_bb", "bb", "c"));
        replay("multi", before, after, Map.of("b", "bb"), List.of("INSERT INTO {t} VALUES (1, 2, 'q', 'y', 4)"),
                List.of("INSERT INTO {t} (id, a) VALUES (2, 3)"), "SELECT id, a, bb, c::text, e, f FROM {t} ORDER BY id",
                row(1, 2L, "q", "y", "z", null), row(2, 3L, null, null, "z", null));
    }

    @Test
    void findsNothingToDoBetweenEqualShapes() {
        PgTable table = MAPPER.map(table(List.of(autoIncrement("id", "int(11)"), nullable("e", "enum('a')")),
                pk("id"), plain("ix_e", "e")), "s");
        assertThat(SchemaChangeDdl.alter(table, table, Map.of())).isEmpty();
    }

    @Test
    void renamesATableAcrossSchemasWithItsTypesKeyAndIndexes() throws SQLException {
        target.execute("CREATE SCHEMA sa_ren", "CREATE SCHEMA sb_ren", "CREATE SCHEMA sc_ren");
        List<SourceColumn> columns = List.of(autoIncrement("id", "int(11)"), nullable("e", "enum('a','b')"),
                nullable("v", "varchar(5)"));
        SourceIndex[] indexes = {pk("id"), unique("uk_v", "v"), plain("ix_e", "e")};
        PgTable orders = MAPPER.map(table("orders", columns, indexes), "sa_ren");
        execute(SchemaChangeDdl.create(orders));
        target.execute("INSERT INTO sa_ren.orders (e, v) VALUES ('b', 'x')");
        // what is already in the way in either schema must not matter
        execute(SchemaChangeDdl.create(MAPPER.map(table("orders", columns, indexes), "sb_ren")));
        execute(SchemaChangeDdl.create(MAPPER.map(table("invoices_2", List.of(notNull("k", "int(11)"))), "sa_ren")));

        inTransaction(SchemaChangeDdl.rename(orders, MAPPER.map(table("invoices_2", columns, indexes), "sb_ren")), List.of());
        execute(SchemaChangeDdl.create(MAPPER.map(table("invoices_2", columns, indexes), "sc_ren")));
        execute(SchemaChangeDdl.create(MAPPER.map(table("orders", columns, indexes), "sc_ren")));

        assertThat(structure("sb_ren", "invoices_2")).isEqualTo(structure("sc_ren", "invoices_2"));
        assertThat(enumTypes("sa_ren")).isEmpty();
        assertThat(enumTypes("sb_ren")).containsExactly(List.of("enum_invoices_2_e", "a,b"),
                List.of("enum_orders_e", "a,b"));
        target.execute("INSERT INTO sb_ren.invoices_2 (e) VALUES ('a')");
        assertThat(target.queryForList("SELECT id, e::text, v FROM sb_ren.invoices_2 ORDER BY id"))
                .containsExactly(row(1, "b", "x"), row(2, "a", null));
    }

    @Test
    void renamesATableInItsSchema() throws SQLException {
        target.execute("CREATE SCHEMA sa_ren2", "CREATE SCHEMA sb_ren2");
        List<SourceColumn> columns = List.of(autoIncrement("id", "int(11)"), nullable("e", "enum('a','b')"));
        SourceIndex[] indexes = {pk("id"), plain("ix_e", "e")};
        PgTable t = MAPPER.map(table("t", columns, indexes), "sa_ren2");
        execute(SchemaChangeDdl.create(t));
        PgTable u = MAPPER.map(table("u", columns, indexes), "sa_ren2");
        inTransaction(SchemaChangeDdl.rename(t, u), List.of());
        execute(SchemaChangeDdl.create(MAPPER.map(table("u", columns, indexes), "sb_ren2")));
        assertThat(structure("sa_ren2", "u")).isEqualTo(structure("sb_ren2", "u"));
        assertThat(SchemaChangeDdl.rename(u, u)).isEmpty();
    }

    @Test
    void dropsTheTableAndItsEnumTypes() throws SQLException {
        target.execute("CREATE SCHEMA sa_drop");
        PgTable t = MAPPER.map(table(List.of(notNull("id", "int(11)"), nullable("e", "enum('a')"),
                nullable("f", "enum('b')")), pk("id")), "sa_drop");
        execute(SchemaChangeDdl.create(t));
        assertThat(enumTypes("sa_drop")).hasSize(2);
        inTransaction(SchemaChangeDdl.drop(t), List.of());
        assertThat(target.queryForList("SELECT relname FROM pg_class WHERE relnamespace = 'sa_drop'::regnamespace"))
                .isEmpty();
        assertThat(enumTypes("sa_drop")).isEmpty();
        inTransaction(SchemaChangeDdl.drop(t), List.of()); // a table already gone is no error
    }

    // ---- the replay and its checks ----

    /**
     * Creates {@code before} in sa_{name} with rows, alters it into {@code after} in one transaction (followed by
     * {@code alsoInTransaction}), creates {@code after} in sb_{name}, and compares both and the rows.
     */
    @SafeVarargs
    private List<String> replay(String name, SourceTable before, SourceTable after, Map<String, String> renames,
                                List<String> inserts, List<String> alsoInTransaction, String rowsQuery,
                                List<Object>... expectedRows) throws SQLException {
        String altered = "sa_" + name;
        String created = "sb_" + name;
        target.execute("CREATE SCHEMA " + altered, "CREATE SCHEMA " + created);
        PgTable from = MAPPER.map(before, altered);
        execute(SchemaChangeDdl.create(from));
        execute(inserts.stream().map(sql -> onTable(sql, altered)).toList());

        List<String> alter = SchemaChangeDdl.alter(from, MAPPER.map(after, altered), renames);
        assertThat(alter).isNotEmpty();
        inTransaction(alter, alsoInTransaction.stream().map(sql -> onTable(sql, altered)).toList());
        execute(SchemaChangeDdl.create(MAPPER.map(after, created)));

        assertThat(structure(altered, "t")).as(String.join(";\n", alter)).isEqualTo(structure(created, "t"));
        assertThat(target.queryForList(onTable(rowsQuery, altered))).containsExactly(expectedRows);
        return alter;
    }

    private static String onTable(String sql, String schema) {
        return sql.replace("{t}", schema + ".t");
    }

    private void execute(List<String> statements) {
        target.execute(statements.toArray(String[]::new));
    }

    private void inTransaction(List<String> statements, List<String> more) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : Stream.concat(statements.stream(), more.stream()).toList()) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("failed: " + sql + "\nin:\n" + String.join(";\n", statements), e);
                }
            }
            connection.commit();
        }
    }

    /** Columns, constraints, indexes, relations and enum types as PostgreSQL reports them, schema name removed. */
    private List<List<Object>> structure(String schema, String table) {
        String relation = "'" + schema + "." + table + "'::regclass";
        List<List<Object>> rows = new ArrayList<>();
        rows.addAll(target.queryForList("SELECT 'column', a.attname::text, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,"
                + " (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e"
                + "   WHERE e.enumtypid = a.atttypid),"
                + " (SELECT format_type(s.seqtypid, NULL) FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid"
                + "   WHERE dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i')"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = " + relation + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 2"));
        rows.addAll(target.queryForList("SELECT 'constraint', conname::text, pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE conrelid = " + relation + " ORDER BY 2"));
        rows.addAll(target.queryForList("SELECT 'index', c.relname::text, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = " + relation
                + " ORDER BY 2"));
        rows.addAll(target.queryForList("SELECT 'relation', relname::text, relkind::text FROM pg_class"
                + " WHERE relnamespace = '" + schema + "'::regnamespace ORDER BY 2"));
        rows.addAll(enumTypes(schema));
        return rows.stream().map(row -> row.stream().map(value -> value instanceof String text
                ? (Object) text.replace("\"" + schema + "\".", "S.").replace(schema + ".", "S.") : value).toList())
                .toList();
    }

    private List<List<Object>> enumTypes(String schema) {
        return target.queryForList("SELECT t.typname::text, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = '" + schema
                + "'::regnamespace GROUP BY t.typname ORDER BY 1");
    }

    // ---- MySQL tables, as the catalogue would describe them ----

    private static SourceTable table(List<SourceColumn> columns, SourceIndex... indexes) {
        return table("t", columns, indexes);
    }

    private static SourceTable table(String name, List<SourceColumn> columns, SourceIndex... indexes) {
        List<SourceColumn> positioned = new ArrayList<>();
        for (SourceColumn c : columns) {
            positioned.add(new SourceColumn(c.name(), positioned.size() + 1, c.dataType(), c.columnType(),
                    c.nullable(), c.defaultValue(), c.extra(), c.charset(), c.collation(), c.maxLength(),
                    c.numericPrecision(), c.numericScale(), c.datetimePrecision()));
        }
        return new SourceTable("db", name, "InnoDB", true, positioned, Arrays.asList(indexes), 0, 0);
    }

    private static SourceColumn nullable(String name, String columnType) {
        return column(name, columnType, true, new ColumnDefault.Null(), "");
    }

    private static SourceColumn notNull(String name, String columnType) {
        return column(name, columnType, false, new ColumnDefault.None(), "");
    }

    private static SourceColumn autoIncrement(String name, String columnType) {
        return column(name, columnType, false, new ColumnDefault.None(), "auto_increment");
    }

    private static SourceColumn withDefault(SourceColumn c, String literal) {
        return column(c.name(), c.columnType(), c.nullable(), new ColumnDefault.Literal(literal), c.extra());
    }

    private static SourceColumn column(String name, String columnType, boolean nullable, ColumnDefault defaultValue,
                                       String extra) {
        String dataType = columnType.replaceAll("[( ].*", "");
        boolean text = List.of("char", "varchar", "enum", "set").contains(dataType);
        Long length = dataType.endsWith("char")
                ? Long.valueOf(columnType.substring(columnType.indexOf('(') + 1, columnType.indexOf(')'))) : null;
        return new SourceColumn(name, 1, dataType, columnType, nullable, defaultValue, extra,
                text ? "utf8mb4" : null, null, length, null, null, null);
    }

    private static SourceIndex pk(String... columns) {
        return new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of(columns), false);
    }

    private static SourceIndex unique(String name, String... columns) {
        return new SourceIndex(name, IndexKind.UNIQUE, List.of(columns), false);
    }

    private static SourceIndex plain(String name, String... columns) {
        return new SourceIndex(name, IndexKind.PLAIN, List.of(columns), false);
    }
}
