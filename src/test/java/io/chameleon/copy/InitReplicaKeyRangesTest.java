package io.chameleon.copy;

import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceFixtures;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large table is copied as key ranges by several readers sharing one snapshot, each range its own COPY
 * transaction: together they must hold every row exactly once, as the table stood at its one copy position.
 * Each test has its own catalogue and target schema, since the class shares its databases.
 */
@RealServers
class InitReplicaKeyRangesTest {

    private static final int SEED_ROWS = 40_000;

    @Test
    void rangesHoldEveryRowOnceAsOfTheTablesOneCopyPositionUnderWrites(MariaDbDatabase classSource,
                                                                        PostgresDatabase target,
                                                                        @TempDir Path home) throws Exception {
        MariaDbDatabase source = ownDatabase(classSource, "ranges");
        // sparse keys: multiples of 7 with a hole in the middle, so range widths and row counts differ
        source.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)",
                "INSERT INTO orders SELECT seq * 7, REPEAT('seed ', 30) FROM seq_1_to_" + SEED_ROWS
                        + " WHERE seq NOT BETWEEN 12000 AND 15000",
                "ANALYZE TABLE orders");
        long seeded = (Long) source.queryForList("SELECT count(*) FROM orders").get(0).get(0);
        String config = TestConfig.between(source, target).set("COPY_WORKERS", "4").set("COPY_SPLIT_ROWS", "1")
                .set("CATALOGUE", "ranges").set("PG_SCHEMA", "ranged").write(home, "ranges").toString();
        CliRunner.Result created = CliRunner.run("create_replica_schema", "--config", config);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        CliRunner.Result init;
        try (InsertWorkload workload = new InsertWorkload(source, List.of("orders"), SEED_ROWS * 7L + 1)) {
            workload.awaitInserted(20, Duration.ofSeconds(30));
            init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        }

        assertThat(init.exitCode()).as(init.err()).isZero();
        List<Object> start = target.queryForList("SELECT binlog_file, binlog_position"
                + " FROM ranges.read_position").get(0);
        List<List<Object>> copies = target.queryForList("SELECT copy_binlog_file, copy_binlog_position"
                + " FROM ranges.replicated_table WHERE table_name = 'orders'");
        assertThat(copies).as("copy positions of orders").hasSize(1);
        List<Object> copy = copies.get(0);
        BinlogInserts inserts = BinlogInserts.count(source, (String) start.get(0), (Long) start.get(1),
                (Long) copy.get(1), source.name() + ".orders");
        long sourceRows = (Long) source.queryForList("SELECT count(*) FROM orders").get(0).get(0);
        long beforeStart = sourceRows - inserts.upTo() - inserts.after();
        long expected = beforeStart + inserts.upTo();
        assertThat(inserts.upTo()).as("rows written between the start and the snapshot").isPositive();
        assertThat(inserts.after()).as("rows written after the snapshot").isPositive();

        // the ids the source had at the copy position: the seeds, then the workload's in order from 7 * SEED + 1
        long written = expected - seeded;
        long firstWritten = SEED_ROWS * 7L + 1;
        assertThat(target.queryForList("SELECT count(*), count(DISTINCT id), sum(id)::text, max(id) FROM ranged.orders"))
                .as("rows of orders: %d seeded + %d written up to its copy position %s", seeded, written, copy)
                .containsExactly(List.of(expected, expected, seedSum(source).add(
                        java.math.BigInteger.valueOf(written * firstWritten + written * (written - 1) / 2)).toString(),
                        firstWritten + written - 1));
        assertThat(target.queryForList("SELECT count(DISTINCT xmin::text) FROM ranged.orders"))
                .as("COPY transactions that wrote orders: one per range").containsExactly(List.of(4L));
    }

    @Test
    void rangesCoverSparseNegativeAndExtremeKeysExactlyOnce(MariaDbDatabase source) throws Exception {
        source.execute(
                "CREATE TABLE signed_keys (id BIGINT NOT NULL, PRIMARY KEY (id))",
                "INSERT INTO signed_keys VALUES (-9223372036854775808), (-5), (0), (1), (2), (3), (1000000),"
                        + " (9223372036854775806), (9223372036854775807)",
                "CREATE TABLE unsigned_keys (id BIGINT UNSIGNED NOT NULL, other INT, UNIQUE KEY (id, other))",
                "INSERT INTO unsigned_keys VALUES (0, 1), (0, 2), (1, 1), (9223372036854775808, 1),"
                        + " (18446744073709551614, 1), (18446744073709551615, 1)",
                "CREATE TABLE tiny_keys (id TINYINT PRIMARY KEY)",
                "INSERT INTO tiny_keys VALUES (5), (6)",
                "CREATE TABLE dense_keys (id INT PRIMARY KEY)",
                "INSERT INTO dense_keys SELECT seq FROM seq_10_to_13",
                "CREATE TABLE empty_keys (id INT PRIMARY KEY)",
                "CREATE TABLE single_key (id MEDIUMINT PRIMARY KEY)",
                "INSERT INTO single_key VALUES (42)",
                "CREATE TABLE text_keys (code VARCHAR(10) PRIMARY KEY, n INT NULL, UNIQUE KEY (n))");
        Map<String, Integer> expectedRanges = Map.of("signed_keys", 4, "unsigned_keys", 4, "tiny_keys", 2,
                "dense_keys", 4, "empty_keys", 1, "single_key", 1);

        try (Connection reader = source.connect()) {
            for (SourceTable table : new TableDiscovery(reader).discover(
                    SourceFixtures.source(Map.of(source.name(), "x"), List.of(), List.of()))) {
                if (table.name().equals("text_keys")) {
                    assertThat(KeyRanges.splitColumn(table)).as("a text key, a nullable integer unique key")
                            .isEmpty();
                    continue;
                }
                SourceColumn column = KeyRanges.splitColumn(table).orElseThrow();
                List<String> ranges = KeyRanges.of(reader, table, column, 4);
                assertThat(ranges).as("ranges of %s", table.name()).hasSize(expectedRanges.get(table.name()));
                String matches = ranges.stream().map(range -> range == null ? "1" : "(" + range + ")")
                        .reduce((a, b) -> a + " + " + b).orElseThrow();
                assertThat(source.queryForList("SELECT count(*) FROM " + table.name() + " WHERE " + matches + " <> 1"))
                        .as("rows of %s in no range or in several: %s", table.name(), ranges)
                        .containsExactly(List.of(0L));
            }
        }
    }

    @Test
    void aFailingRangeFailsTheTableAndPublishesNothing(MariaDbDatabase classSource, PostgresDatabase target,
                                                      @TempDir Path home) {
        MariaDbDatabase source = ownDatabase(classSource, "failing");
        source.execute("SET SESSION sql_mode = ''",
                "CREATE TABLE visits (id INT PRIMARY KEY, day DATE NOT NULL)",
                "INSERT INTO visits SELECT seq, '2020-01-31' FROM seq_1_to_20000",
                "UPDATE visits SET day = '0000-00-00' WHERE id = 15000",
                "ANALYZE TABLE visits");
        String config = TestConfig.between(source, target).set("COPY_WORKERS", "4").set("COPY_SPLIT_ROWS", "1")
                .set("BAD_VALUE_POLICY", "error")
                .set("CATALOGUE", "failing").set("PG_SCHEMA", "unpublished").write(home, "failing").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(6);
        assertThat(init.err()).contains("table " + source.name() + ".visits", "row id=15000", "column day");
        assertThat(target.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE '%unpublished%'")).isEmpty();
        assertThat(target.queryForList("SELECT count(*) FROM failing.replicated_table"))
                .containsExactly(List.of(0L));
    }

    /** A database holding only this test's tables, so that its table gets every spare reader. */
    private static MariaDbDatabase ownDatabase(MariaDbDatabase classSource, String suffix) {
        return classSource.server().createDatabase(classSource.name() + "_" + suffix);
    }

    private static java.math.BigInteger seedSum(MariaDbDatabase source) {
        return new java.math.BigInteger(source.queryForList("SELECT CAST(SUM(id) AS CHAR) FROM orders"
                + " WHERE id <= " + SEED_ROWS * 7L).get(0).get(0).toString());
    }
}
