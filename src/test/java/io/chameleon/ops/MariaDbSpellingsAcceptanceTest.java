package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance of "nothing silently missing or stuck": each statement the issue lists, executed on a mapped schema
 * while replicating and followed by rows, leaves a target table equal to the source table, column by column and row
 * by row, listed as replicating in show_status; or, for the one table that cannot replicate (it has no key), listed
 * with that reason. show_errors stays empty: none of these needs an error.
 */
@RealServers
class MariaDbSpellingsAcceptanceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TARGET = "accept_s";

    /** Tables that must equal the source; the statements that made them are in the test. */
    private static final List<String> EQUAL = List.of("t1", "t2", "foo_keyed", "cs", "ser", "žluťoučký", "varchars",
            "hidden", "aliases", "#", "conv", "nokey", "legacy", "base", "anchor");

    @Test
    void everyListedStatementLeavesAnEqualTableOrAReason(MariaDbDatabase source, PostgresDatabase target,
                                                         @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE anchor (id INT PRIMARY KEY)",
                "CREATE TABLE t1 (id INT PRIMARY KEY, v VARCHAR(5) NOT NULL DEFAULT 'x', INDEX iv (v))",
                "INSERT INTO t1 VALUES (1, 'one')",
                // copied without a key: its structure changes must still reach the target before a key is added
                "CREATE TABLE legacy (a INT NOT NULL, b INT)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_accept").set("PG_SCHEMA", TARGET)
                .write(home, "accept").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute(
                    // the issue's statement as written: no key, so it is reported, not replicated
                    "CREATE TABLE foo (c1 decimal(19), c2 decimal(19.5), c3 decimal(0.0), c4 decimal(0.2),"
                            + " c5 decimal(19,2))",
                    "INSERT INTO foo VALUES (1234567890123456789, 5, 6, 7, 12345.67)",
                    "CREATE TABLE foo_keyed (id INT PRIMARY KEY, c1 decimal(19), c2 decimal(19.5), c3 decimal(0.0),"
                            + " c4 decimal(0.2), c5 decimal(19,2))",
                    "INSERT INTO foo_keyed VALUES (1, 1234567890123456789, 5, 6, 7, 12345.67),"
                            + " (2, -1, NULL, 0, 9, -0.01)",
                    "CREATE TABLE cs (id INT PRIMARY KEY, t VARCHAR(10)) DEFAULT CHAR SET=utf8",
                    "INSERT INTO cs VALUES (1, 'žluťoučký'), (2, NULL)",
                    "CREATE TABLE t2 (LIKE t1)",
                    "INSERT INTO t2 VALUES (1, 'a'), (2, 'b')",
                    "INSERT INTO t2 (id) VALUES (3)",
                    "CREATE TABLE ser (id SMALLINT SERIAL DEFAULT VALUE, v INT)",
                    "INSERT INTO ser (v) VALUES (10), (20)",
                    "create table žluťoučký (kůň int primary key)",
                    "INSERT INTO žluťoučký VALUES (1), (2)",
                    "CREATE TABLE varchars (id INT PRIMARY KEY, a CHAR VARYING(10), b CHARACTER VARYING(10),"
                            + " c NCHAR VARYING(10))",
                    "INSERT INTO varchars VALUES (1, 'a', 'bb', 'ččč')",
                    "CREATE TABLE hidden (id INT PRIMARY KEY, v INT, s INT INVISIBLE)",
                    "INSERT INTO hidden (id, v, s) VALUES (1, 2, 3)",
                    "INSERT INTO hidden VALUES (4, 5)",
                    "CREATE TABLE aliases (id INT8 PRIMARY KEY, f FLOAT4, b LONG VARBINARY, m MIDDLEINT)",
                    "INSERT INTO aliases VALUES (1, 1.5, x'00ff10', 8388607), (2, -0.25, '', -8388608)",
                    "CREATE TABLE `#` (id INT PRIMARY KEY)",
                    "INSERT INTO `#` VALUES (1)",
                    "TRUNCATE `#`",
                    "INSERT INTO `#` VALUES (2)",
                    "CREATE TABLE conv (id INT PRIMARY KEY, t VARCHAR(10)) CHARSET latin1",
                    "INSERT INTO conv VALUES (1, 'é')",
                    "ALTER TABLE conv COLLATE=utf8mb4_unicode_ci, CONVERT TO CHARSET UTF8MB4",
                    "INSERT INTO conv VALUES (2, 'ž')",
                    "CREATE TABLE nokey (a INT NOT NULL, b INT)",
                    "ALTER TABLE nokey ADD (PRIMARY KEY (a), c VARCHAR(5), INDEX ib (b))",
                    "INSERT INTO nokey VALUES (1, 2, 'x'), (3, NULL, NULL)",
                    "ALTER TABLE legacy ADD COLUMN c DATE",
                    "ALTER TABLE legacy ADD (PRIMARY KEY (a), INDEX ib (b))",
                    "INSERT INTO legacy VALUES (1, 2, '2026-12-06')",
                    "CREATE TABLE base (id INT PRIMARY KEY, n INT)",
                    "CREATE VIEW v AS SELECT id i FROM base",
                    "INSERT INTO base VALUES (1, 10)",
                    "INSERT INTO anchor VALUES (1)");

            for (String table : EQUAL) {
                TableContents expected = TableContents.ofSource(source, table);
                assertThat(expected.rows()).as("rows of %s", table).isNotEmpty();
                Eventually.equals(expected, () -> TableContents.ofTarget(target, TARGET, table), DEADLINE);
            }
            // the key-less table is built with its columns, and its rows are not replicated
            assertThat(TableContents.ofTarget(target, TARGET, "foo"))
                    .isEqualTo(new TableContents(TableContents.ofSource(source, "foo").columns(), List.of()));
            assertThat(replica.failure()).isNull();

            String db = source.name();
            String status = CliRunner.run("show_status", "--config", config, "--source", "shop").out();
            for (String table : EQUAL) {
                assertThat(status).as(status).containsPattern(Pattern.quote(db + "." + table) + " +"
                        + Pattern.quote(TARGET + "." + table) + " +replicating ");
            }
            assertThat(status).containsPattern(Pattern.quote(db + ".foo") + " +" + Pattern.quote(TARGET + ".foo")
                    + " +not replicated: no primary key or unique key on NOT NULL columns ");
            assertThat(status).doesNotContain(db + ".v ").contains("Disabled tables: none")
                    .contains("Errors and warnings on record: none");
            assertThat(CliRunner.run("show_errors", "--config", config, "--source", "shop").out())
                    .contains("There are no errors in the log.");
            assertThat(target.queryForList("SELECT count(*) FROM cat_accept.replay_error"))
                    .containsExactly(List.of(0L));
        }
    }
}
