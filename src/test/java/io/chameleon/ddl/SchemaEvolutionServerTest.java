package io.chameleon.ddl;

import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceFixtures;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs DDL on a real MariaDB and applies it to the model: after every statement the model must equal what
 * {@link TableDiscovery} reads from the server. Row counts and data length are not compared: the DDL text cannot
 * tell them.
 */
@RealServers
class SchemaEvolutionServerTest {

    private final MariaDbDatabase source;
    private final Map<TableName, SourceTable> model = new HashMap<>();
    /** Tables this test has had: the database is shared with the class's other tests. */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private final SchemaEvolution evolution = new SchemaEvolution();

    SchemaEvolutionServerTest(MariaDbDatabase source) {
        this.source = source;
    }

    @Test
    void createWithEveryTypeAndKeyMatchesTheServer() throws Exception {
        run("""
                CREATE TABLE every_kind (
                  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
                  c_tiny TINYINT NOT NULL DEFAULT -5, c_tiny_u TINYINT UNSIGNED ZEROFILL, c_bool BOOL DEFAULT TRUE,
                  c_small SMALLINT(3), c_medium MEDIUMINT UNSIGNED, c_big BIGINT DEFAULT '7', c_integer INTEGER,
                  c_dec DECIMAL(12,2) DEFAULT 1.5, c_num NUMERIC, c_dec5 DEC(5), c_float FLOAT DEFAULT 1e3,
                  c_float72 FLOAT(7,2), c_float30 FLOAT(30), c_double DOUBLE DEFAULT -0.5, c_real REAL,
                  c_bit BIT, c_bit5 BIT(5) DEFAULT b'101',
                  c_char CHAR DEFAULT 'x', c_char10 CHAR(10) NOT NULL DEFAULT 'it''s', c_vc VARCHAR(255) DEFAULT NULL,
                  c_latin VARCHAR(20) CHARACTER SET latin1, c_bin_coll VARCHAR(5) COLLATE utf8mb4_bin,
                  c_nchar NCHAR(3), c_binary BINARY(4), c_varbinary VARBINARY(100),
                  c_tinytext TINYTEXT, c_text TEXT, c_text100 TEXT(100), c_mediumtext MEDIUMTEXT, c_longtext LONGTEXT,
                  c_tinyblob TINYBLOB, c_blob BLOB, c_blob200 BLOB(200), c_mediumblob MEDIUMBLOB, c_longblob LONGBLOB,
                  c_date DATE DEFAULT '2020-1-31', c_time TIME(3) DEFAULT '10:00:00', c_datetime DATETIME(6)
                    DEFAULT '2000-01-01 00:00:00', c_ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
                    ON UPDATE CURRENT_TIMESTAMP, c_ts3 TIMESTAMP(3) NULL DEFAULT NOW(3), c_year YEAR DEFAULT 2020,
                  c_enum ENUM('a','it''s','b,c') DEFAULT 'it''s', c_set SET('x','y','z') DEFAULT 'z,x',
                  c_json JSON, c_geo GEOMETRY, c_point POINT NOT NULL, c_uuid UUID, c_inet6 INET6,
                  c_virtual INT AS (c_big + 1) VIRTUAL, c_stored INT GENERATED ALWAYS AS (c_big * 2) STORED,
                  PRIMARY KEY (id),
                  UNIQUE KEY uk_vc (c_vc(10), c_char10),
                  UNIQUE (c_uuid), KEY (c_date), KEY (c_date, c_time), INDEX ix_char (c_char10(10)),
                  FULLTEXT KEY ft_text (c_text), SPATIAL INDEX (c_point), KEY (c_big), UNIQUE KEY (c_big)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");
        run("CREATE TABLE latin_table (id INT PRIMARY KEY, name VARCHAR(10), body TEXT, j JSON) "
                + "ENGINE=MyISAM CHARACTER SET latin1");
        run("CREATE TABLE serials (s SERIAL, v VARCHAR(3) UNIQUE, w INT UNIQUE KEY) COLLATE utf8mb4_bin");
    }

    @Test
    void alterSequenceMatchesTheServer() throws Exception {
        run("CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(40), total DECIMAL(10,2), "
                + "note TEXT, legacy INT, KEY ix_customer (customer))");
        run("ALTER TABLE orders ADD COLUMN created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) AFTER id, "
                + "ADD status ENUM('new','paid') NOT NULL DEFAULT 'new' FIRST, "
                + "CHANGE customer client VARCHAR(60) NOT NULL AFTER status, "
                + "MODIFY total DECIMAL(12,3) UNSIGNED DEFAULT 0 FIRST, "
                + "RENAME COLUMN note TO remark, DROP COLUMN legacy, ADD INDEX (total), "
                + "ADD UNIQUE KEY uk_client (client, total), ALGORITHM=COPY, LOCK=SHARED");
        run("ALTER TABLE orders ADD (a INT, b VARCHAR(3) CHARACTER SET ascii), ALTER COLUMN a SET DEFAULT '42', "
                + "ALTER COLUMN status DROP DEFAULT, ADD KEY (a, b), ADD KEY (a)");
        run("ALTER TABLE orders DROP COLUMN a, RENAME INDEX uk_client TO uk_client_total, DROP INDEX total");
        run("ALTER TABLE orders CONVERT TO CHARACTER SET latin1");
        run("ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, ENGINE=MyISAM");
        run("ALTER TABLE orders ENGINE=InnoDB, COMMENT 'orders', AUTO_INCREMENT=10, ROW_FORMAT=DYNAMIC");
        run("ALTER TABLE orders DROP PRIMARY KEY, ADD CONSTRAINT pk PRIMARY KEY (client, id), "
                + "ADD CONSTRAINT uq_b UNIQUE (b), ADD CHECK (id > 0)");
        run("ALTER TABLE orders ADD FULLTEXT (remark), ADD COLUMN g POINT NOT NULL, ADD SPATIAL INDEX sp (g)");
        run("CREATE INDEX ix_remark ON orders (remark(20), b)");
        run("CREATE UNIQUE INDEX ux_id ON orders (id)");
        run("DROP INDEX ix_remark ON orders");
        run("ALTER TABLE orders RENAME TO orders_v2");
        run("ALTER TABLE orders_v2 ADD z INT, RENAME AS orders_v3");
        run("RENAME TABLE orders_v3 TO o1, o1 TO o2");
        run("CREATE TABLE orders_copy LIKE o2");
        run("ALTER TABLE orders_copy CHARACTER SET latin1, ADD w VARCHAR(5)");
        run("DROP TABLE IF EXISTS o2, orders_copy, never_existed");
        assertThat(model).isEmpty();
    }

    /** Spellings and odd numbers MariaDB accepts that Druid's grammar lacks (see MariaDbSpellings). */
    @Test
    void mariaDbSpellingsAndOddPrecisionsMatchTheServer() throws Exception {
        run("CREATE TABLE foo (c1 decimal(19), c2 decimal(19.5), c3 decimal(0.0), c4 decimal(0.2), c5 decimal(19,2), "
                + "c6 decimal(0,0), c7 decimal(5.), f1 float(1.5), f2 float(25.5), f3 float(0,0), f4 double(0,0), "
                + "i1 int(0), i2 int(5.5), b1 bit(0), b2 bit(3.5), v1 varchar(10.7), v2 char(2.5), d1 datetime(2.5), "
                + "t1 text(100.5))");
        run("CREATE TABLE cs (id INT PRIMARY KEY) DEFAULT CHAR SET=utf8");
        run("CREATE TABLE cs2 (id INT PRIMARY KEY, v VARCHAR(3)) CHARSET latin1");
        run("CREATE TABLE cs3 (LIKE cs2)");
        run("CREATE TABLE ser (id SMALLINT SERIAL DEFAULT VALUE, v INT)");
        run("create table žluťoučký (kůň int primary key, `ž` varchar(3))");
        run("CREATE TABLE `#` (`a b` INT, `#c` INT, `-- d` INT, `x``y` INT)");
        run("CREATE TABLE vy (a CHAR VARYING(10), b CHARACTER VARYING(10) CHAR SET latin1, c NCHAR VARYING(10), "
                + "d NATIONAL CHAR VARYING(4), e NATIONAL CHARACTER VARYING(5), f NATIONAL VARCHAR(6), g NVARCHAR(7), "
                + "h NATIONAL CHAR(3), i NATIONAL CHARACTER(2), j NCHAR(2), k VARCHAR(5) CHARSET latin1, "
                + "l TEXT CHARACTER SET latin1 COLLATE latin1_bin)");
        run("CREATE TABLE inv (id INT PRIMARY KEY, s INT INVISIBLE, "
                + "ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP INVISIBLE, "
                + "n INT NOT NULL DEFAULT 3 INVISIBLE, g INT AS (id + 1) INVISIBLE)");
        run("CREATE TABLE inv2 (id INT AUTO_INCREMENT KEY INVISIBLE, v INT)");
        run("ALTER TABLE inv ADD COLUMN s2 INT INVISIBLE, MODIFY s BIGINT");
        run("ALTER TABLE inv MODIFY s2 INT INVISIBLE FIRST, CHANGE n n2 INT INVISIBLE");
        run("CREATE TABLE al (a FLOAT4, b INT8, c LONG VARBINARY, d MIDDLEINT, e LONG, f LONG VARCHAR, "
                + "g INT1, h INT2, i INT3, j INT4, k DEC(5,1), l FIXED(6,2), m FLOAT8, n BOOL, o BOOLEAN, "
                + "p SERIAL, q LONG VARCHAR CHARACTER SET latin1)");
        run("ALTER TABLE al COLLATE=utf8mb4_bin, CONVERT TO CHARSET UTF8MB4");
        run("ALTER TABLE al CHARSET latin1, ADD r VARCHAR(4)");
        run("ALTER TABLE al DEFAULT CHAR SET = utf8mb3, ADD s CHAR VARYING(4)");
        run("ALTER TABLE cs ADD (v INT, w INT)");
        run("ALTER TABLE cs ADD COLUMN (x INT, y VARCHAR(3))");
        run("ALTER TABLE cs ADD (UNIQUE KEY uv (v), z INT, INDEX iz (z))");
        run("ALTER TABLE cs DROP PRIMARY KEY, ADD (PRIMARY KEY (v), q INT, KEY (q, z))");
        run("ALTER TABLE žluťoučký ADD COLUMN kočka INT AFTER kůň, ADD KEY klíč (kočka)");
        run("CREATE TABLE lb (a LONG BINARY, b LONG VARCHAR BINARY, c LONG BINARY CHARACTER SET utf8mb4, "
                + "d TEXT CHARSET latin1 BINARY, e VARCHAR(3) CHARACTER SET \"latin1\" COLLATE `latin1_bin`, "
                + "f VARCHAR(3) CHARSET 'ascii', g ENUM('a') CHARSET latin1, h SET('a') CHAR SET latin1, "
                + "i NATIONAL CHAR, j NUMERIC(5), k DOUBLE PRECISION(5,2), l REAL(5,2), m INT SIGNED, "
                + "n BIGINT SERIAL DEFAULT VALUE) CHARACTER SET = 'latin1'");
        run("CREATE TABLE IF NOT EXISTS lb2 ( LIKE lb )");
        run("CREATE OR REPLACE TABLE lb2 (id INT PRIMARY KEY, w VARCHAR(3) CHAR SET ascii)");
        run("CREATE OR REPLACE TABLE lb3 (LIKE lb2)");
    }

    /**
     * MariaDB 10.11 logs a system-versioned table's hidden row_start/row_end in every row image (information_schema
     * does not list them), logs a DELETE as an UPDATE of row_end and an UPDATE as an UPDATE plus a history INSERT:
     * the model cannot say that, so the CREATE is refused with the reason rather than replicated wrongly.
     */
    @Test
    void systemVersionedTablesAreRefused() throws Exception {
        String sql = "CREATE TABLE versioned (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evolution.apply(source.name(), sql, structures()))
                .isInstanceOf(UntranslatableDdl.class).hasMessageContaining("SYSTEM VERSIONING");
        source.execute(sql);
        assertThat(source.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + source.name() + "' AND TABLE_NAME = 'versioned' ORDER BY ORDINAL_POSITION"))
                .as("information_schema hides row_start/row_end").containsExactly(List.of("id"), List.of("v"));
        source.execute("DROP TABLE versioned");
    }

    @Test
    void foreignKeysCreateTheIndexMariaDbMakes() throws Exception {
        run("CREATE TABLE parent (id INT PRIMARY KEY, code INT, UNIQUE KEY (code))");
        run("CREATE TABLE child (id INT PRIMARY KEY, p INT, q INT, r INT, KEY (r), "
                + "FOREIGN KEY (p) REFERENCES parent (id), CONSTRAINT fk_r FOREIGN KEY (r) REFERENCES parent (id), "
                + "CONSTRAINT fk_q FOREIGN KEY (q) REFERENCES parent (code))");
        run("ALTER TABLE child ADD COLUMN s INT, ADD CONSTRAINT fk_s FOREIGN KEY (s) REFERENCES parent (id), "
                + "ADD FOREIGN KEY ix_id (id) REFERENCES parent (id)");
        run("ALTER TABLE child DROP FOREIGN KEY fk_s");
        run("CREATE TABLE child2 (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES parent (id), KEY k (p, id))");
    }

    /**
     * An idempotent migration (MariaDB's IF [NOT] EXISTS on columns and keys), run twice as migration tools do: the
     * second run changes nothing on the server, and MariaDB logs it all the same. Before the model knew these
     * clauses, Druid could not parse most of them, and a DROP COLUMN IF EXISTS of a column already gone stopped the
     * table's replication.
     */
    @Test
    void idempotentMigrationsRunTwiceMatchTheServer() throws Exception {
        run("CREATE TABLE mig (id INT PRIMARY KEY, old_col INT, v INT)");
        List<String> migration = List.of(
                "ALTER TABLE mig ADD COLUMN IF NOT EXISTS added VARCHAR(10) AFTER id, DROP COLUMN IF EXISTS old_col",
                "ALTER TABLE mig ADD IF NOT EXISTS wide INT UNIQUE, MODIFY COLUMN IF EXISTS v BIGINT",
                "ALTER TABLE mig CHANGE COLUMN IF EXISTS v v2 BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE mig ADD INDEX IF NOT EXISTS ix_added (added), ADD UNIQUE KEY IF NOT EXISTS ux_v2 (v2)",
                "CREATE INDEX IF NOT EXISTS ix_both ON mig (added, v2)",
                "ALTER TABLE mig DROP INDEX IF EXISTS ix_added, DROP KEY IF EXISTS never_there",
                "DROP INDEX IF EXISTS ix_both ON mig",
                "ALTER TABLE mig WAIT 5 ADD COLUMN IF NOT EXISTS nowait INT",
                "SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE mig ADD COLUMN IF NOT EXISTS guarded INT",
                "ALTER TABLE mig ALTER INDEX ux_v2 IGNORED",
                "ALTER TABLE mig ALTER INDEX ux_v2 NOT IGNORED");
        for (String statement : migration) {
            run(statement);
        }
        for (String statement : migration) {
            run(statement);
        }
    }

    @Test
    void dropColumnTakesItOutOfIndexes() throws Exception {
        run("CREATE TABLE wide (a INT NOT NULL, b INT, c INT, d INT, PRIMARY KEY (a), KEY k_bc (b, c), "
                + "KEY k_d (d), KEY k_cd (c, d))");
        run("ALTER TABLE wide DROP COLUMN d");
        run("ALTER TABLE wide DROP COLUMN b, ADD COLUMN e INT FIRST, ADD COLUMN f INT AFTER e");
    }

    /** Executes a statement on the server and the model, then compares them. */
    private void run(String sql) throws Exception {
        List<TableChange> changes = evolution.apply(source.name(), sql, structures());
        source.execute(sql);
        for (TableChange change : changes) {
            if (change instanceof TableChange.Created created) {
                model.put(key(created.table()), created.table());
            } else if (change instanceof TableChange.Dropped dropped) {
                model.remove(dropped.table());
            } else if (change instanceof TableChange.Renamed renamed) {
                SourceTable t = model.remove(renamed.from());
                model.put(renamed.to(), new SourceTable(renamed.to().database(), renamed.to().table(), t.engine(),
                        t.transactional(), t.columns(), t.indexes(), 0, 0));
            } else if (change instanceof TableChange.Altered altered) {
                model.put(key(altered.after()), altered.after());
            }
        }
        model.keySet().forEach(name -> touched.add(name.table()));
        Map<String, SourceTable> server = new HashMap<>();
        for (SourceTable table : discover()) {
            if (touched.contains(table.name())) {
                server.put(table.name(), table);
            }
        }
        assertThat(model.keySet()).as("tables after %s", sql).extracting(TableName::table)
                .containsExactlyInAnyOrderElementsOf(server.keySet());
        for (SourceTable table : model.values()) {
            assertSame(table, server.get(table.name()), sql);
        }
    }

    private static void assertSame(SourceTable model, SourceTable server, String sql) {
        assertThat(model.engine()).as("engine of %s after %s", model.name(), sql).isEqualTo(server.engine());
        assertThat(model.transactional()).as("transactional").isEqualTo(server.transactional());
        assertThat(model.columns()).as("columns of %s after %s", model.name(), sql)
                .usingElementComparator((a, b) -> comparable(a).equals(comparable(b)) ? 0 : 1)
                .withRepresentation(o -> o instanceof List<?> l ? l.stream()
                        .map(c -> c instanceof SourceColumn col ? comparable(col).toString() : String.valueOf(c))
                        .reduce("", (x, y) -> x + "\n  " + y) : String.valueOf(o))
                .containsExactlyElementsOf(server.columns());
        assertThat(model.indexes()).as("indexes of %s after %s", model.name(), sql)
                .containsExactlyElementsOf(server.indexes());
    }

    /** Every field; extra compared case-blind (MariaDB prints generated columns upper case). */
    private static List<Object> comparable(SourceColumn c) {
        return java.util.Arrays.asList(c.name(), c.position(), c.dataType(), c.columnType(), c.nullable(),
                c.defaultValue(), c.extra().toLowerCase(Locale.ROOT), c.charset(), c.collation(), c.maxLength(),
                c.numericPrecision(), c.numericScale(), c.datetimePrecision());
    }

    private SchemaEvolution.Structures structures() {
        return new SchemaEvolution.Structures() {
            @Override
            public Optional<SourceTable> find(TableName table) {
                return Optional.ofNullable(model.get(table));
            }

            @Override
            public String[] databaseDefaults(String database) {
                return new String[]{"utf8mb4", "utf8mb4_general_ci"};
            }

            /** The model does not keep a table's default collation: the test reads it from the server. */
            @Override
            public String[] tableDefaults(TableName table) {
                List<List<Object>> rows = source.queryForList("SELECT TABLE_COLLATION FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = '" + table.database() + "' AND TABLE_NAME = '" + table.table() + "'");
                if (rows.isEmpty()) {
                    return databaseDefaults(table.database());
                }
                String collation = String.valueOf(rows.get(0).get(0));
                return new String[]{Charsets.charsetOf(collation), collation};
            }
        };
    }

    private TableName key(SourceTable table) {
        return new TableName(table.schema(), table.name());
    }

    private List<SourceTable> discover() throws SQLException {
        try (Connection mysql = source.connect()) {
            return new TableDiscovery(mysql).discover(SourceFixtures.source(Map.of(source.name(), "dest"),
                    List.of(), List.of()));
        }
    }
}
