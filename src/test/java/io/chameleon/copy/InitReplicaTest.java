package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.chameleon.testsupport.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

/** init_replica end to end: tables, keys, coordinates and the catalogue after a copy from a real MariaDB. */
@RealServers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitReplicaTest {

    private static String config;
    private static CliRunner.Result init;

    @BeforeAll
    static void copy(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute(
                "CREATE TABLE customers (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
                        + " email VARCHAR(100), UNIQUE KEY email_uq (email), KEY name_ix (name)) ENGINE=InnoDB",
                "INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.org'), ('Grace', NULL),"
                        + " ('Émile 😀', 'emile@example.org')",
                "CREATE TABLE order_lines (order_id INT NOT NULL, line SMALLINT NOT NULL, qty DECIMAL(10,2),"
                        + " PRIMARY KEY (order_id, line))",
                "INSERT INTO order_lines VALUES (1, 1, 2.50), (1, 2, 1.00), (2, 1, 10.00)",
                "CREATE TABLE audit_trail (happened DATETIME(6), what TEXT)",
                "INSERT INTO audit_trail VALUES ('2024-02-29 13:05:00.123456', 'created')",
                "CREATE TABLE legacy (id INT PRIMARY KEY, note VARCHAR(20)) ENGINE=MyISAM",
                "INSERT INTO legacy VALUES (1, 'old')",
                "CREATE VIEW customer_names AS SELECT name FROM customers");
        config = TestConfig.between(source, target).set("PG_SCHEMA", "shop").write(home, "init").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
    }

    @Test
    void copiesEveryBaseTableWithItsRows(PostgresDatabase target) {
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT id, name, email FROM shop.customers ORDER BY id")).containsExactly(
                List.of(1L, "Ada", "ada@example.org"), row(2L, "Grace", null),
                List.of(3L, "Émile 😀", "emile@example.org"));
        assertThat(target.queryForList("SELECT order_id, line, qty::text FROM shop.order_lines ORDER BY 1, 2"))
                .containsExactly(List.of(1, 1, "2.50"), List.of(1, 2, "1.00"),
                        List.of(2, 1, "10.00"));
        assertThat(target.queryForList("SELECT happened::text, what FROM shop.audit_trail"))
                .containsExactly(List.of("2024-02-29 13:05:00.123456", "created"));
        assertThat(target.queryForList("SELECT note FROM shop.legacy")).containsExactly(List.of("old"));
        assertThat(target.queryForList("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shop'"
                + " AND table_name = 'customer_names'")).containsExactly(List.of(0L));
    }

    @Test
    void buildsKeysAndIndexesAfterTheLoadAndMovesSequencesPastTheMaximum(PostgresDatabase target) {
        assertThat(target.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'shop'"
                + " AND tablename = 'customers' ORDER BY 1"))
                .containsExactly(List.of("customers_email_uq"), List.of("customers_name_ix"), List.of("customers_pkey"));
        target.execute("INSERT INTO shop.customers (name) VALUES ('next')");
        assertThat(target.queryForList("SELECT max(id) FROM shop.customers")).containsExactly(List.of(4L));
    }

    @Test
    void recordsEachTableWithItsKeyAndCopyCoordinates(PostgresDatabase target) {
        List<List<Object>> tables = target.queryForList("SELECT table_name, array_to_string(key_columns, ','),"
                + " copy_binlog_file IS NOT NULL AND copy_binlog_position > 0, not_replicated_reason, copied_rows"
                + " FROM chameleon_catalogue.replicated_table ORDER BY table_name");
        assertThat(tables).containsExactly(
                row("audit_trail", null, true, "no primary key or unique key on NOT NULL columns", 1L),
                row("customers", "id", true, null, 3L),
                row("legacy", "id", true, null, 1L),
                row("order_lines", "order_id,line", true, null, 3L));
    }

    @Test
    void leavesTheSourceInitialisedWithStartAndHighWatermark(PostgresDatabase target) {
        assertThat(target.queryForList("SELECT status::text, consistent, hw_binlog_file IS NOT NULL,"
                + " (SELECT count(*) FROM chameleon_catalogue.read_position) FROM chameleon_catalogue.source"))
                .containsExactly(List.of("initialised", false, true, 1L));
        assertThat(target.queryForList("SELECT count(*) FROM pg_namespace WHERE nspname LIKE '\\_shop\\_%'"))
                .containsExactly(List.of(0L));
    }

    @Test
    void reportsTablesCopiedButNotReplicatedAndTheLongestLock() {
        assertThat(init.out()).contains("Copied 4 tables, 8 rows", "Longest lock held on a source table:",
                "Copied but NOT replicated (1):", "audit_trail: no primary key or unique key on NOT NULL columns");
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes the source; runs after the checks of the first copy
    void copyingAgainReplacesTheSchemaWithoutDuplicates(MariaDbDatabase source, PostgresDatabase target) {
        source.execute("INSERT INTO order_lines VALUES (3, 1, 7.00)");

        CliRunner.Result again = CliRunner.run("init_replica", "--config", config, "--source", "shop");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(target.queryForList("SELECT count(*) FROM shop.order_lines")).containsExactly(List.of(4L));
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.replicated_table"))
                .containsExactly(List.of(4L));
    }
}
