package io.chameleon.ops;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.testsupport.Eventually;
import io.chameleon.schema.PgTable;
import io.chameleon.schema.TableDdl;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.ServerException;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDL replication end to end, one test per kind of statement, each with row changes before and after the DDL on
 * the same table in the same stream: once while replay keeps up, once while it lags (replay held back until the
 * reader has logged everything, so replay meets the DDL long after the reader). Afterwards every row of the
 * target equals the source, and the target table has the structure a fresh copy of the source table would get.
 */
@RealServers
class DdlReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** ReplayProgress' advisory lock: holding it holds replay back, as a lagging replica would be. */
    private static final int REPLAY_LOCK_CLASS = 0x52504C59;

    enum Mode { KEEPING_UP, LAGGING }

    private static ReplicaHarness replica;
    private static SourceConfig shop;
    private static int scratch;

    @BeforeAll
    static void initAndStart(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        List<String> tables = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            String m = suffix(mode);
            tables.add("CREATE TABLE multi_" + m + " (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL, qty INT,"
                    + " old_note TEXT, kept DECIMAL(8,2))");
            tables.add("INSERT INTO multi_" + m + " VALUES (1, 'one', 1, 'n1', 1.50), (2, 'two', 2, NULL, 2.50)");
            tables.add("CREATE TABLE keyed_" + m + " (id INT NOT NULL, code VARCHAR(10) NOT NULL, n INT)");
            tables.add("INSERT INTO keyed_" + m + " VALUES (1, 'a', 1)");
        }
        tables.add("CREATE TABLE probe (id INT PRIMARY KEY, note VARCHAR(40))");
        source.execute(tables.toArray(String[]::new));
        Path config = TestConfig.between(source, target).write(home, "ddl");
        shop = ConfigLoader.load(config.toString()).config().source("shop");
        replica = ReplicaHarness.initAndStart(config.toString(), target);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        replica.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anAlterWithManySubCommandsIsAppliedCompletely(Mode mode, MariaDbDatabase source, PostgresDatabase target)
            throws Exception {
        String t = "multi_" + suffix(mode);
        inMode(mode, source, target, () -> source.execute(
                "UPDATE " + t + " SET qty = 10 WHERE id = 1",
                "INSERT INTO " + t + " VALUES (3, 'three', 3, 'n3', 3.50)",
                "ALTER TABLE " + t + " ADD COLUMN c1 INT NOT NULL DEFAULT 7, ADD COLUMN c2 VARCHAR(10) AFTER id,"
                        + " MODIFY COLUMN qty BIGINT, DROP COLUMN old_note, RENAME COLUMN label TO title,"
                        + " ADD INDEX idx_c1 (c1)",
                "INSERT INTO " + t + " (id, c2, title, qty, kept, c1) VALUES (4, 'x', 'four', 40000000000, 4.50, 9)",
                "UPDATE " + t + " SET title = 'ONE', c2 = 'y' WHERE id = 1",
                "DELETE FROM " + t + " WHERE id = 2"));

        assertSameRows(source, target, t, "id", "id, c2, title, qty, kept, c1");
        assertSameStructure(source, target, t);
        assertThat(target.queryForList("SELECT title, qty::text, c1 FROM shop." + t + " WHERE id = 4"))
                .containsExactly(List.of("four", "40000000000", 9));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void createdTablesAreReplicated(Mode mode, MariaDbDatabase source, PostgresDatabase target) throws Exception {
        String m = suffix(mode);
        inMode(mode, source, target, () -> source.execute(
                "CREATE TABLE created_" + m + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(30) NOT NULL"
                        + " DEFAULT 'x', kind ENUM('small','large') DEFAULT 'small', amount DECIMAL(10,2),"
                        + " KEY idx_name (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "INSERT INTO created_" + m + " (name, kind, amount) VALUES ('a', 'large', 1.25), ('b', 'small', 2)",
                "CREATE TABLE IF NOT EXISTS created_" + m + " (id INT PRIMARY KEY)",
                "CREATE TABLE liked_" + m + " LIKE created_" + m,
                "INSERT INTO liked_" + m + " (name) VALUES ('from like')",
                "UPDATE created_" + m + " SET amount = amount * 2 WHERE name = 'a'"));

        assertSameRows(source, target, "created_" + m, "id", "id, name, kind, amount");
        assertSameStructure(source, target, "created_" + m);
        assertSameRows(source, target, "liked_" + m, "id", "id, name, kind, amount");
        assertSameStructure(source, target, "liked_" + m);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void droppedAndRenamedTablesFollowTheSource(Mode mode, MariaDbDatabase source, PostgresDatabase target)
            throws Exception {
        String m = suffix(mode);
        inMode(mode, source, target, () -> source.execute(
                "CREATE TABLE gone1_" + m + " (id INT PRIMARY KEY)",
                "CREATE TABLE gone2_" + m + " (id INT PRIMARY KEY)",
                "INSERT INTO gone1_" + m + " VALUES (1)",
                "CREATE TABLE old_a_" + m + " (id INT PRIMARY KEY, v VARCHAR(5))",
                "CREATE TABLE old_b_" + m + " (id INT PRIMARY KEY, v VARCHAR(5))",
                "INSERT INTO old_a_" + m + " VALUES (1, 'a1')",
                "INSERT INTO old_b_" + m + " VALUES (1, 'b1')",
                "DROP TABLE gone1_" + m + ", gone2_" + m,
                "RENAME TABLE old_a_" + m + " TO new_a_" + m + ", old_b_" + m + " TO new_b_" + m,
                "INSERT INTO new_a_" + m + " VALUES (2, 'a2')",
                "UPDATE new_b_" + m + " SET v = 'b1!' WHERE id = 1",
                "ALTER TABLE new_b_" + m + " RENAME TO newer_b_" + m + ", ADD COLUMN w INT",
                "INSERT INTO newer_b_" + m + " VALUES (2, 'b2', 22)"));

        assertSameRows(source, target, "new_a_" + m, "id", "id, v");
        assertSameRows(source, target, "newer_b_" + m, "id", "id, v, w");
        assertSameStructure(source, target, "newer_b_" + m);
        assertThat(tablesLike(target, "gone%_" + m)).isEmpty();
        assertThat(tablesLike(target, "old%_" + m)).isEmpty();
        assertThat(tablesLike(target, "new_b_" + m)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void indexesAndKeysFollowTheSource(Mode mode, MariaDbDatabase source, PostgresDatabase target)
            throws Exception {
        String m = suffix(mode);
        String keyed = "keyed_" + m;
        inMode(mode, source, target, () -> source.execute(
                // no key until now: copied, not replicated; the key starts its replication
                "ALTER TABLE " + keyed + " ADD PRIMARY KEY (id)",
                "INSERT INTO " + keyed + " VALUES (2, 'b', 2)",
                "UPDATE " + keyed + " SET n = 10 WHERE id = 1",
                "CREATE UNIQUE INDEX uq_code ON " + keyed + " (code)",
                "CREATE INDEX idx_n ON " + keyed + " (n)",
                "DROP INDEX idx_n ON " + keyed,
                "ALTER TABLE " + keyed + " DROP PRIMARY KEY, ADD PRIMARY KEY (id, code)",
                "INSERT INTO " + keyed + " VALUES (3, 'c', 3)",
                "TRUNCATE TABLE " + keyed,
                "INSERT INTO " + keyed + " VALUES (4, 'd', 4)"));

        assertSameRows(source, target, keyed, "id", "id, code, n");
        assertSameStructure(source, target, keyed);
    }

    @Test
    void droppingTheKeyStopsReplicationOfTheTable(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("CREATE TABLE unkeyed (id INT NOT NULL PRIMARY KEY, v INT)",
                "INSERT INTO unkeyed VALUES (1, 1)",
                "ALTER TABLE unkeyed DROP PRIMARY KEY",
                "INSERT INTO unkeyed VALUES (2, 2)",
                "INSERT INTO probe VALUES (100, 'after the key was dropped')");

        // the probe row comes after the second insert in the stream: once it is there, that insert was passed over
        Eventually.equals(List.of(List.of("after the key was dropped")),
                () -> target.queryForList("SELECT note FROM shop.probe WHERE id = 100"), DEADLINE);
        assertThat(target.queryForList("SELECT id, v FROM shop.unkeyed")).containsExactly(List.of(1, 1));
        assertThat(target.queryForList("SELECT key_columns, not_replicated_reason FROM"
                + " chameleon_catalogue.replicated_table WHERE table_name = 'unkeyed'"))
                .containsExactly(java.util.Arrays.asList(null, SourceTable.NO_REPLICA_KEY));
    }

    /**
     * CREATE TABLE … SELECT makes a table without a key and fills it; the key comes after. The rows written before the
     * key were never logged: show_errors must say so and name the command that re-copies the table. A table given a
     * key before any row changed gets no such entry.
     */
    @Test
    void rowsChangedBeforeATableGotItsKeyAreReported(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("CREATE TABLE totals_src (id INT PRIMARY KEY, v INT)",
                "INSERT INTO totals_src VALUES (1, 10), (2, 20), (3, 30)",
                "CREATE TABLE totals AS SELECT id, v FROM totals_src",
                "ALTER TABLE totals ADD PRIMARY KEY (id)",
                "INSERT INTO totals VALUES (4, 40)",
                "CREATE TABLE keyed_later (id INT NOT NULL, v INT)",
                "ALTER TABLE keyed_later ADD PRIMARY KEY (id)",
                "INSERT INTO keyed_later VALUES (1, 1)",
                "INSERT INTO probe VALUES (200, 'after the keys were added')");

        Eventually.equals(List.of(List.of("after the keys were added")),
                () -> target.queryForList("SELECT note FROM shop.probe WHERE id = 200"), DEADLINE);
        assertThat(target.queryForList("SELECT id, v FROM shop.totals")).containsExactly(List.of(4, 40));
        assertThat(target.queryForList("SELECT id, v FROM shop.keyed_later")).containsExactly(List.of(1, 1));
        List<List<Object>> reported = target.queryForList("SELECT table_name, sqlstate, error_message FROM"
                + " chameleon_catalogue.replay_error WHERE table_name IN ('totals', 'keyed_later')");
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get(0)).isEqualTo("totals");
        assertThat(reported.get(0).get(1)).isEqualTo("01000");
        assertThat((String) reported.get(0).get(2)).contains("changed while it had no key")
                .contains("sync_tables --tables " + source.name() + ".totals");
    }

    @Test
    void statementsThatAreNotTableDdlOrCannotBeParsedAreSkipped(MariaDbDatabase source, PostgresDatabase target)
            throws Exception {
        source.execute(
                "CREATE TABLE parted (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y))"
                        + " PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000))",
                "INSERT INTO parted VALUES (1, 1999)",
                "START TRANSACTION",
                "INSERT INTO probe VALUES (1, 'before savepoint')",
                "SAVEPOINT sp1",
                "INSERT INTO probe VALUES (2, 'after savepoint')",
                "COMMIT",
                "ALTER TABLE parted ADD PARTITION (PARTITION p1 VALUES LESS THAN (3000))",
                "INSERT INTO parted VALUES (2, 2500)",
                "CREATE VIEW probe_view AS SELECT id FROM probe",
                // valid MariaDB the grammar does not know: logged and skipped, the table is not replicated
                "CREATE TABLE versioned (id INT PRIMARY KEY) WITH SYSTEM VERSIONING",
                "INSERT INTO versioned VALUES (1)",
                "INSERT INTO probe VALUES (3, 'after all of it')");

        assertSameRows(source, target, "probe", "id", "id, note");
        assertSameRows(source, target, "parted", "id, y", "id, y");
        assertThat(tablesLike(target, "versioned")).isEmpty();
        assertThat(tablesLike(target, "probe_view")).isEmpty();
        assertThat(replica.failure()).isNull();
    }

    /** Runs the source work with replay held back until the reader has logged all of it (LAGGING), or not. */
    private static void inMode(Mode mode, MariaDbDatabase source, PostgresDatabase target, SourceWork work)
            throws Exception {
        if (mode == Mode.KEEPING_UP) {
            work.run();
            return;
        }
        try (Connection pause = target.connect()) {
            int sourceId = ((Number) target.queryForList("SELECT source_id FROM chameleon_catalogue.source"
                    + " WHERE source_name = 'shop'").get(0).get(0)).intValue();
            try (PreparedStatement lock = pause.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, REPLAY_LOCK_CLASS);
                lock.setInt(2, sourceId);
                lock.execute();
            }
            long pendingBefore = pendingBatches(target);
            work.run();
            List<Object> end = source.queryForList("SHOW MASTER STATUS").get(0);
            Eventually.equals(true, () -> readPositionReached(target, (String) end.get(0),
                    ((Number) end.get(1)).longValue()), DEADLINE);
            assertThat(pendingBatches(target)).as("batches waiting for replay while it is held back")
                    .isGreaterThan(pendingBefore);
        }
    }

    @FunctionalInterface
    private interface SourceWork {
        void run() throws Exception;
    }

    private static boolean readPositionReached(PostgresDatabase target, String file, long position) {
        List<List<Object>> rows = target.queryForList("SELECT binlog_file, binlog_position FROM"
                + " chameleon_catalogue.read_position");
        return !rows.isEmpty() && ((String) rows.get(0).get(0)).compareTo(file) >= 0
                && (((String) rows.get(0).get(0)).compareTo(file) > 0
                || ((Number) rows.get(0).get(1)).longValue() >= position);
    }

    private static long pendingBatches(PostgresDatabase target) {
        return ((Number) target.queryForList("SELECT count(*) FROM chameleon_catalogue.log_batch"
                + " WHERE replayed_at IS NULL AND complete").get(0).get(0)).longValue();
    }

    private static void assertSameRows(MariaDbDatabase source, PostgresDatabase target, String table, String key,
                                       String columns) {
        TableDigest digest = new TableDigest(table, key, columns);
        List<String> expected = digest.ofSource(source);
        Eventually.equals(expected, () -> {
            try {
                return digest.ofTarget(target, "shop");
            } catch (ServerException e) { // the table or a column is not there yet: replay has not reached the DDL
                return List.of(String.valueOf(e.getCause()));
            }
        }, DEADLINE);
        assertThat(expected).isNotEmpty();
    }

    /**
     * The target table has the columns (name, type, NOT NULL, default), primary key and indexes that a fresh copy
     * of the source table, as the source now describes it, would have.
     */
    private static void assertSameStructure(MariaDbDatabase source, PostgresDatabase target, String table)
            throws SQLException {
        SourceTable now;
        try (Connection my = source.connect()) {
            now = new TableDiscovery(my).discover(shop).stream().filter(t -> t.name().equals(table)).findFirst()
                    .orElseThrow();
        }
        String expectedSchema = "expected_" + (++scratch);
        // the replica of these tests runs with bad_value_policy discard (TestConfig)
        PgTable expected = new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DISCARD))
                .map(now, expectedSchema);
        List<String> ddl = new ArrayList<>(List.of("CREATE SCHEMA " + expectedSchema));
        ddl.addAll(TableDdl.createTypes(expected, expectedSchema));
        ddl.add(TableDdl.createTable(expected, expectedSchema, null));
        TableDdl.primaryKey(expected, expectedSchema).ifPresent(ddl::add);
        ddl.addAll(TableDdl.indexes(expected, expectedSchema));
        try (Connection pg = target.connect(); Statement st = pg.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        }
        assertThat(structure(target, "shop", table)).as("structure of shop.%s", table)
                .isEqualTo(structure(target, expectedSchema, table));
    }

    /** Columns, primary key and indexes as PostgreSQL reports them, with the schema name taken out. */
    private static List<String> structure(PostgresDatabase target, String schema, String table) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : target.queryForList("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d"
                + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE n.nspname = '" + schema + "'"
                + " AND c.relname = '" + table + "' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname")) {
            lines.add(((String) row.get(0)).replace(schema + ".", "S."));
        }
        for (List<Object> row : target.queryForList("SELECT regexp_replace(pg_get_indexdef(i.indexrelid),"
                + " 'INDEX \\S+ ON ', 'INDEX ON ') || CASE WHEN i.indisprimary THEN ' primary' ELSE '' END"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relname = '" + table + "'"
                + " ORDER BY 1")) {
            lines.add(((String) row.get(0)).replace(schema + ".", "S."));
        }
        return lines;
    }

    private static List<String> tablesLike(PostgresDatabase target, String pattern) {
        return target.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'shop'"
                + " AND table_name LIKE '" + pattern + "'").stream().map(r -> (String) r.get(0)).toList();
    }

    private static String suffix(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT).substring(0, 4);
    }
}
