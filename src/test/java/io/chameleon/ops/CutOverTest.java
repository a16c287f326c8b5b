package io.chameleon.ops;

import io.chameleon.cutover.CutOverReport;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.ServerException;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cut-over: detach_replica after a copy and live writes leaves PostgreSQL equal to the source row by row, with
 * sequences past the values in use, the source's foreign keys validated (or NOT VALID with the rows that break
 * them, see CutOverForeignKeyTest), and the source gone from the catalogue.
 */
@RealServers
class CutOverTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("customers", "orders", "order_notes");

    @Test
    void liveWritesUpToTheStartAreAllThereAndTheSchemaIsReadyForTheApplication(MariaDbDatabase source,
            PostgresDatabase target, @TempDir Path home) throws Exception {
        shopSchema(source);
        String config = TestConfig.between(source, target).write(home, "live").toString();
        ReplicaHarness replica = ReplicaHarness.initAndStart(config, target);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(source, stop, rounds, writerFailure), "shop-writer");
        writer.start();
        Eventually.equals(true, () -> rounds.get() >= 200, DEADLINE);
        stop.set(true);
        writer.join(30_000);
        assertThat(writerFailure.get()).isNull();
        // a last large transaction right before the command: the replica is behind when it starts
        source.execute("INSERT INTO order_notes SELECT o.id, n.seq, CONCAT('bulk ', n.seq) FROM orders o"
                + " JOIN seq_2_to_40_step_1 n ORDER BY o.id, n.seq");

        StringWriter printed = new StringWriter();
        CutOverReport report = ReplicaHarness.detach(config, replica, printed, false);

        System.out.println(printed + report.render());
        assertThat(printed.toString()).contains("The replica has applied everything before");
        assertThat(report.render()).contains("Source shop detached", "tables: 3 (3 replicated)",
                "foreign keys: 2 created and validated, 0 NOT VALID, 0 not created, 0 already there, 0 skipped");
        for (String table : TABLES) {
            assertThat(TableContents.ofTarget(target, "shop", table)).as(table)
                    .isEqualTo(TableContents.ofSource(source, table));
        }
        assertThat(target.queryForList("SELECT conname::text, convalidated FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = 'shop'::regnamespace ORDER BY 1"))
                .containsExactly(List.of("notes_order_fk", true), List.of("orders_customer_fk", true));
        // the application writes without keys, and the foreign keys hold
        long customer = (Integer) target.queryForList("INSERT INTO shop.customers (name) VALUES ('app')"
                + " RETURNING id").get(0).get(0);
        assertThat(customer).isEqualTo((Integer) source.queryForList("SELECT MAX(id) FROM customers").get(0).get(0)
                + 1L);
        assertThat(target.queryForList("INSERT INTO shop.orders (customer_id, total) VALUES (" + customer
                + ", 1) RETURNING id")).hasSize(1);
        assertThatThrownBy(() -> target.execute("INSERT INTO shop.order_notes VALUES (999999, 1, 'orphan')"))
                .isInstanceOf(ServerException.class).hasStackTraceContaining("notes_order_fk");
        // gone from the catalogue and from show_status
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.source")).containsExactly(
                List.of(0L));
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.replicated_table"))
                .containsExactly(List.of(0L));
        CliRunner.Result status = CliRunner.run("show_status", "--config", config);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).doesNotContain("shop ");
    }

    private static void shopSchema(MariaDbDatabase source) {
        source.execute("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL,"
                        + " total DECIMAL(10,2), CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id) ON DELETE CASCADE)",
                "CREATE TABLE order_notes (order_id BIGINT NOT NULL, line INT NOT NULL, body VARCHAR(40),"
                        + " PRIMARY KEY (order_id, line), CONSTRAINT notes_order_fk FOREIGN KEY (order_id)"
                        + " REFERENCES orders (id) ON DELETE CASCADE)",
                "INSERT INTO customers (name) VALUES ('ada'), ('grace')",
                "INSERT INTO orders (customer_id, total) VALUES (1, 10.5), (2, 20)",
                "INSERT INTO order_notes VALUES (1, 1, 'first')");
    }

    /** Customers, orders and notes inserted, updated and deleted in small transactions until told to stop. */
    private static void write(MariaDbDatabase source, AtomicBoolean stop, AtomicInteger rounds,
                              AtomicReference<Throwable> failure) {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            for (int i = 0; !stop.get(); i++) {
                c.setAutoCommit(false);
                st.execute("INSERT INTO customers (name) VALUES ('c" + i + "')");
                st.execute("INSERT INTO orders (customer_id, total) VALUES (LAST_INSERT_ID(), " + i + ")");
                st.execute("INSERT INTO order_notes VALUES (LAST_INSERT_ID(), 1, 'n" + i + "')");
                c.commit();
                c.setAutoCommit(true);
                st.execute("UPDATE orders SET total = total + 1 WHERE id = " + (1 + i % 7));
                if (i % 10 == 5) {
                    // children first: InnoDB does not log the rows a cascade deletes, so no replica sees them
                    String customer = "(SELECT id FROM customers WHERE name = 'c" + (i - 5) + "')";
                    c.setAutoCommit(false);
                    st.execute("DELETE FROM order_notes WHERE order_id IN (SELECT id FROM orders WHERE customer_id = "
                            + customer + ")");
                    st.execute("DELETE FROM orders WHERE customer_id = " + customer);
                    st.execute("DELETE FROM customers WHERE name = 'c" + (i - 5) + "'");
                    c.commit();
                    c.setAutoCommit(true);
                }
                rounds.incrementAndGet();
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
