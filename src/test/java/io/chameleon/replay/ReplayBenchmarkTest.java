package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay throughput by hand: {@code ./mvnw -B -o -q test -Dtest=ReplayBenchmarkTest -Dchameleon.replayBench=true}.
 * A backlog of 100,000 row changes (50 % insert, 30 % update, 20 % delete) in source transactions of 100 rows, one
 * per log batch, on a 10-column table holding 50,000 rows; the backlog is written first, then replay is timed.
 */
@RealServers
@EnabledIfSystemProperty(named = "chameleon.replayBench", matches = "true")
class ReplayBenchmarkTest {

    private static final int CHANGES = 100_000;
    private static final int TRANSACTION_ROWS = 100;
    private static final int PRELOADED = 50_000;

    @Test
    void replaysABacklogOfOneHundredThousandChanges(PostgresDatabase database) throws SQLException {
        int maxRows = Integer.getInteger("chameleon.replayBench.maxRows", 10_000);
        try (ChangeLogFixture log = new ChangeLogFixture(database).fresh("bench")) {
            database.execute("CREATE TABLE bench.product (id bigint PRIMARY KEY, name text, qty int, price numeric(12,2),"
                            + " created timestamptz, active boolean, tags text[], doc jsonb, code varchar(20), raw bytea)",
                    "INSERT INTO bench.product SELECT i, 'product ' || i, 0, 9.99, '2026-01-01 00:00:00+00', true,"
                            + " '{a,b}', '{\"v\": 0}', 'C' || i, '\\x00ff' FROM generate_series(1, " + PRELOADED + ") i",
                    "VACUUM ANALYZE bench.product");
            int product = log.table("bench", "product", "id");

            Random random = new Random(42);
            List<Long> live = new ArrayList<>();
            Map<Long, Integer> versions = new java.util.HashMap<>();
            for (long id = 1; id <= PRELOADED; id++) {
                live.add(id);
                versions.put(id, 0);
            }
            long nextId = PRELOADED + 1;
            long started = System.nanoTime();
            for (int tx = 0; tx < CHANGES / TRANSACTION_ROWS; tx++) {
                ChangeLogFixture.Batch batch = log.batch();
                for (int i = 0; i < TRANSACTION_ROWS; i++) {
                    int dice = random.nextInt(10);
                    if (dice < 5) {
                        long id = nextId++;
                        live.add(id);
                        versions.put(id, 0);
                        batch.insert(product, image(id, 0));
                    } else {
                        int slot = random.nextInt(live.size());
                        long id = live.get(slot);
                        int version = versions.get(id);
                        if (dice < 8) {
                            versions.put(id, version + 1);
                            batch.update(product, image(id, version), image(id, version + 1));
                        } else {
                            live.set(slot, live.get(live.size() - 1));
                            live.remove(live.size() - 1);
                            versions.remove(id);
                            batch.delete(product, image(id, version));
                        }
                    }
                }
                batch.commit();
            }
            System.out.printf("[replay-bench] wrote %d changes in %d ms%n", CHANGES, (System.nanoTime() - started) / 1_000_000);
            database.execute("ANALYZE replay_cat.change_log", "ANALYZE replay_cat.log_batch");

            if (Boolean.getBoolean("chameleon.replayBench.explain")) {
                explainFirstChunk(log, product, maxRows);
            }
            long rows = 0;
            int transactions = 0;
            started = System.nanoTime();
            try (ReplayWorker worker = log.worker(new ReplaySettings(maxRows, ErrorPolicy.EXIT, Duration.ofSeconds(1)))) {
                for (ReplayResult result = worker.replayOnce(); !result.idle(); result = worker.replayOnce()) {
                    rows += result.rows();
                    transactions++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("[replay-bench] replayed %d changes in %d transactions (replay_max_rows %d) in %.2f s:"
                    + " %.0f rows/s%n", rows, transactions, maxRows, seconds, rows / seconds);

            assertThat(rows).isEqualTo(CHANGES);
            long expectedQty = versions.values().stream().mapToLong(Integer::longValue).sum();
            assertThat(database.queryForList("SELECT count(*), sum(qty)::bigint FROM bench.product"))
                    .containsExactly(List.of((long) live.size(), expectedQty));
        }
    }

    private static void explainFirstChunk(ChangeLogFixture log, int product, int maxRows) throws SQLException {
        java.sql.Connection c = log.connection();
        c.setAutoCommit(false);
        List<Long> ids = new ArrayList<>();
        for (long b = 1; b <= maxRows / TRANSACTION_ROWS; b++) {
            ids.add(b);
        }
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Integer> layoutIds = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute"
                     + " WHERE attrelid = 'bench.product'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
             java.sql.Statement layouts = c.createStatement();
             java.sql.ResultSet found = layouts.executeQuery("SELECT layout_id FROM " + ChangeLogFixture.CATALOGUE
                     + ".row_layout WHERE table_id = " + product)) {
            while (rs.next()) {
                columns.add(rs.getString(1));
                types.add(rs.getString(2));
            }
            while (found.next()) {
                layoutIds.add(found.getInt(1));
            }
        }
        ReplayTable table = new ReplayTable(product, "bench", "product", List.of("id"), List.of("bigint"), columns,
                types, true);
        String sql = NetEffectStatement.sql(ChangeLogFixture.CATALOGUE, table,
                new io.chameleon.catalogue.RowLayoutRepository(c, ChangeLogFixture.CATALOGUE).find(
                        layoutIds.toArray(Integer[]::new)),
                new EventRange(ids, EventPosition.BEFORE_ALL, EventPosition.AFTER_ALL));
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                System.out.println("[replay-bench] " + rs.getString(1));
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The row as version {@code version} of product {@code id}: qty holds the version, so sums check the result. */
    private static Map<String, Object> image(long id, int version) {
        return row("id", String.valueOf(id), "name", version == 0 ? "product " + id : "product " + id + " v" + version,
                "qty", String.valueOf(version), "price", version == 0 ? "9.99" : (version + ".50"),
                "created", "2026-01-01 00:00:00+00", "active", version % 2 == 0 ? "t" : "f", "tags",
                version == 0 ? "{a,b}" : "{a,b,v" + version + "}", "doc", Map.of("v", version), "code", "C" + id,
                "raw", "\\x00ff");
    }
}
