package io.chameleon.ddl;

import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEvolutionTest {

    private final SchemaEvolution evolution = new SchemaEvolution();
    private final Map<TableName, SourceTable> tables = new HashMap<>();

    private final SchemaEvolution.Structures known = new SchemaEvolution.Structures() {
        @Override
        public Optional<SourceTable> find(TableName table) {
            return Optional.ofNullable(tables.get(table));
        }

        @Override
        public String[] databaseDefaults(String database) {
            return new String[]{"utf8mb4", "utf8mb4_general_ci"};
        }
    };

    private SourceTable create(String sql) throws UntranslatableDdl {
        SourceTable table = ((TableChange.Created) evolution.apply("db", sql, known).get(0)).table();
        tables.put(new TableName(table.schema(), table.name()), table);
        return table;
    }

    @Test
    void createReadsColumnsKeysAndDefaults() throws UntranslatableDdl {
        SourceTable t = create("CREATE TABLE t (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "v VARCHAR(10) CHARACTER SET latin1 DEFAULT 'x', d DECIMAL(5,2) DEFAULT 1, KEY (v), KEY (v, d))");
        assertThat(t.schema()).isEqualTo("db");
        assertThat(t.engine()).isEqualTo("InnoDB");
        assertThat(t.column("id").orElseThrow())
                .extracting(SourceColumn::columnType, SourceColumn::nullable, SourceColumn::extra)
                .containsExactly("int(10) unsigned", false, "auto_increment");
        assertThat(t.column("v").orElseThrow())
                .extracting(SourceColumn::charset, SourceColumn::collation, SourceColumn::defaultValue)
                .containsExactly("latin1", "latin1_swedish_ci", new ColumnDefault.Literal("x"));
        assertThat(t.column("d").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Literal("1.00"));
        assertThat(t.indexes()).extracting(SourceIndex::name).containsExactly("PRIMARY", "v", "v_2");
    }

    @Test
    void qualifiedNamesWinAndUnknownTablesAreIgnored() throws UntranslatableDdl {
        SourceTable t = create("CREATE TABLE other.t (id INT PRIMARY KEY)");
        assertThat(t.schema()).isEqualTo("other");
        assertThat(evolution.apply("db", "ALTER TABLE t ADD x INT", known)).isEmpty();
        assertThat(evolution.apply("db", "DROP TABLE IF EXISTS t", known)).isEmpty();
        assertThat(evolution.apply("db", "CREATE INDEX i ON t (id)", known)).isEmpty();
        assertThat(evolution.apply("db", "TRUNCATE TABLE other.t", known)).isEmpty();
        assertThat(evolution.apply("db", "INSERT INTO other.t VALUES (1)", known)).isEmpty();
        assertThat(evolution.apply("db", "CREATE TABLE IF NOT EXISTS other.t (x INT)", known)).isEmpty();
    }

    @Test
    void alterSeesEarlierItemsAndReportsRenamedColumns() throws UntranslatableDdl {
        SourceTable before = create("CREATE TABLE t (a INT NOT NULL, b INT, PRIMARY KEY (a))");
        List<TableChange> changes = evolution.apply("db",
                "ALTER TABLE t ADD c INT FIRST, CHANGE b bb BIGINT AFTER c, ADD INDEX (bb), RENAME COLUMN a TO aa",
                known);
        TableChange.Altered altered = (TableChange.Altered) changes.get(0);
        assertThat(altered.before()).isEqualTo(before);
        assertThat(altered.after().columns()).extracting(SourceColumn::name, SourceColumn::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c", 1), org.assertj.core.groups.Tuple.tuple("bb", 2),
                        org.assertj.core.groups.Tuple.tuple("aa", 3));
        assertThat(altered.renamedColumns()).containsExactly(Map.entry("b", "bb"), Map.entry("a", "aa"));
        assertThat(altered.after().indexes()).containsExactly(
                new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("aa"), false),
                new SourceIndex("bb", IndexKind.PLAIN, List.of("bb"), false));
    }

    @Test
    void tableOptionsAloneChangeNothingAndRenameAloneIsRenamed() throws UntranslatableDdl {
        create("CREATE TABLE t (a INT PRIMARY KEY)");
        assertThat(evolution.apply("db", "ALTER TABLE t COMMENT 'x', ROW_FORMAT=DYNAMIC, ALGORITHM=INPLACE", known))
                .isEmpty();
        assertThat(evolution.apply("db", "ALTER TABLE t RENAME TO u", known)).containsExactly(
                new TableChange.Renamed(new TableName("db", "t"), new TableName("db", "u")));
        List<TableChange> both = evolution.apply("db", "ALTER TABLE t ADD b INT, RENAME TO other.u", known);
        assertThat(both).hasSize(2);
        assertThat(both.get(0)).isInstanceOf(TableChange.Altered.class);
        assertThat(both.get(1)).isEqualTo(new TableChange.Renamed(new TableName("db", "t"), new TableName("other", "u")));
    }

    @Test
    void renameTableChainsSeeEarlierPairs() throws UntranslatableDdl {
        create("CREATE TABLE a (x INT)");
        assertThat(evolution.apply("db", "RENAME TABLE a TO b, b TO other.c, nope TO d", known)).containsExactly(
                new TableChange.Renamed(new TableName("db", "a"), new TableName("db", "b")),
                new TableChange.Renamed(new TableName("db", "b"), new TableName("other", "c")));
    }

    @Test
    void dropColumnRemovesItFromIndexes() throws UntranslatableDdl {
        create("CREATE TABLE t (a INT, b INT, KEY k_ab (a, b), KEY k_b (b))");
        SourceTable after = ((TableChange.Altered) evolution.apply("db", "ALTER TABLE t DROP b", known).get(0)).after();
        assertThat(after.indexes()).containsExactly(new SourceIndex("k_ab", IndexKind.PLAIN, List.of("a"), false));
    }

    @Test
    void untranslatableStatementsNameTheTable() throws UntranslatableDdl {
        assertThatThrownBy(() -> evolution.apply("db", "CREATE TABLE s AS SELECT 1 AS x", known))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("`s`");
        assertThatThrownBy(() -> evolution.apply("db", "CREATE TABLE s LIKE missing", known))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("missing");
        create("CREATE TABLE t (a INT)");
        assertThatThrownBy(() -> evolution.apply("db", "ALTER TABLE t ADD b FANCYTYPE", known))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("`t`");
        // text the grammar rejects (DEFAULT CHARSET used to be such text before MariaDbSpellings)
        assertThatThrownBy(() -> evolution.apply("db", "ALTER TABLE t FROBNICATE 7", known))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("`t`");
        assertThat(evolution.apply("db", "ALTER TABLE unknown_t FROBNICATE 7", known)).isEmpty();
        assertThat(evolution.apply("db", "ALTER TABLE t DEFAULT CHARSET latin1", known)).isEmpty();
    }

    @Test
    void convertToCharacterSetGrowsText() throws UntranslatableDdl {
        create("CREATE TABLE t (a TEXT, b VARCHAR(3), n INT) CHARSET latin1");
        SourceTable after = ((TableChange.Altered) evolution.apply("db",
                "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4", known).get(0)).after();
        assertThat(after.column("a").orElseThrow().columnType()).isEqualTo("mediumtext");
        assertThat(after.column("b").orElseThrow().collation()).isEqualTo("utf8mb4_general_ci");
        assertThat(after.column("n").orElseThrow().charset()).isNull();
    }

    /** Whatever the text, the model either applies it or refuses it with UntranslatableDdl: never another error. */
    @Test
    void oddLengthsAndListsGiveAModelOrUntranslatableDdlNeverAnotherException() throws UntranslatableDdl {
        create("CREATE TABLE base (id INT PRIMARY KEY, v VARCHAR(5))");
        List<String> odd = List.of("decimal(19.5)", "decimal(0.0)", "decimal(0.2)", "decimal(.5)", "decimal(5.)",
                "decimal(99)", "decimal(5,9)", "float(1.5)", "float(25.5)", "float(0,0)", "double(0,0)",
                "varchar(1e3)", "varchar(10.7)", "char(2.5)", "int(5.5)", "int(0)", "bit(0)", "bit(3.5)",
                "datetime(2.5)", "text(100.5)", "varchar(99999999999)", "char(-1)", "enum()", "set()",
                "decimal(10.5,2.6)", "varchar(0x10)", "int(abc)", "time(1e2)");
        for (String type : odd) {
            for (String sql : List.of("CREATE TABLE odd (c " + type + ")", "ALTER TABLE base ADD c " + type,
                    "ALTER TABLE base MODIFY v " + type + " DEFAULT 1")) {
                try {
                    evolution.apply("db", sql, known);
                } catch (UntranslatableDdl refused) {
                    assertThat(refused.getMessage()).as(sql).contains("`db`.`");
                } catch (RuntimeException e) {
                    throw new AssertionError(sql + " threw " + e, e);
                }
            }
        }
    }

    /** Measured on MariaDB 10.11: a single fractional precision is cut to its integer part, 0 is the default. */
    @Test
    void fractionalAndZeroPrecisionsAreWhatMariaDbMakesOfThem() throws UntranslatableDdl {
        SourceTable t = create("CREATE TABLE foo (c1 decimal(19), c2 decimal(19.5), c3 decimal(0.0), c4 decimal(0.2), "
                + "c5 decimal(19,2), c6 decimal(0,0), f1 float(1.5), f2 float(25.5), f3 float(0,0), i int(0), b bit(0), "
                + "v varchar(10.7), d datetime(2.5))");
        assertThat(t.columns()).extracting(SourceColumn::columnType).containsExactly("decimal(19,0)",
                "decimal(19,0)", "decimal(10,0)", "decimal(10,0)", "decimal(19,2)", "decimal(10,0)", "float", "double",
                "float", "int(11)", "bit(1)", "varchar(10)", "datetime(2)");
    }

    @Test
    void mariaDbSpellingsDruidLacksApply() throws UntranslatableDdl {
        SourceTable t = create("CREATE TABLE sp (a CHAR VARYING(10), b CHARACTER VARYING(10) CHAR SET latin1, "
                + "c NCHAR VARYING(3), d NATIONAL VARCHAR(4), e LONG VARBINARY, f LONG VARCHAR, g LONG, h MIDDLEINT, "
                + "i INT8, j FLOAT4, k SMALLINT SERIAL DEFAULT VALUE, l INT INVISIBLE) DEFAULT CHAR SET=latin1");
        assertThat(t.columns()).extracting(SourceColumn::columnType).containsExactly("varchar(10)", "varchar(10)",
                "varchar(3)", "varchar(4)", "mediumblob", "mediumtext", "mediumtext", "mediumint(9)", "bigint(20)",
                "float", "smallint(6)", "int(11)");
        assertThat(t.column("a").orElseThrow().charset()).isEqualTo("latin1");
        assertThat(t.column("c").orElseThrow().charset()).isEqualTo("utf8mb3");
        assertThat(t.column("k").orElseThrow()).extracting(SourceColumn::nullable, SourceColumn::extra)
                .containsExactly(false, "auto_increment");
        assertThat(t.column("l").orElseThrow().extra()).isEqualTo("INVISIBLE");
        assertThat(t.indexes()).extracting(SourceIndex::name).containsExactly("k");

        TableChange.Altered altered = (TableChange.Altered) evolution.apply("db",
                "ALTER TABLE sp ADD (PRIMARY KEY (h), w INT, INDEX iw (w)), ADD COLUMN s INT INVISIBLE, "
                        + "CONVERT TO CHARSET utf8mb4", known).get(0);
        assertThat(altered.after().columns()).extracting(SourceColumn::name).endsWith("w", "s");
        assertThat(altered.after().column("s").orElseThrow().extra()).isEqualTo("INVISIBLE");
        assertThat(altered.after().indexes()).extracting(SourceIndex::name).containsExactly("PRIMARY", "k", "iw");
        tables.put(new TableName("db", "sp"), altered.after());

        SourceTable copy = create("CREATE TABLE sp2 (LIKE sp)");
        assertThat(copy.columns()).isEqualTo(altered.after().columns());
        SourceTable czech = create("create table žluťoučký (kůň int primary key)");
        assertThat(czech.name()).isEqualTo("žluťoučký");
        assertThat(czech.columns()).extracting(SourceColumn::name).containsExactly("kůň");
    }

    @Test
    void systemVersionedTablesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> evolution.apply("db",
                "CREATE TABLE versioned (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING", known))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("`db`.`versioned`")
                .hasMessageContaining("SYSTEM VERSIONING").hasMessageContaining("row_start");
    }

    @Test
    void createOrReplaceDropsTheKnownTableFirst() throws UntranslatableDdl {
        create("CREATE TABLE r (id INT PRIMARY KEY, old INT)");
        List<TableChange> changes = evolution.apply("db", "CREATE OR REPLACE TABLE r (id INT PRIMARY KEY, v INT)", known);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isEqualTo(new TableChange.Dropped(new TableName("db", "r")));
        assertThat(((TableChange.Created) changes.get(1)).table().columns()).extracting(SourceColumn::name)
                .containsExactly("id", "v");
        assertThat(evolution.apply("db", "CREATE OR REPLACE TABLE fresh (id INT)", known)).singleElement()
                .isInstanceOf(TableChange.Created.class);
        assertThat(evolution.apply("db", "CREATE OR REPLACE TEMPORARY TABLE r (id INT)", known)).isEmpty();
    }
}
