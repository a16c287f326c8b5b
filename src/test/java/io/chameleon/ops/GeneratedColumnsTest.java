package io.chameleon.ops;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.ServerException;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VIRTUAL and STORED generated columns end to end: the copy, streamed inserts and updates, and DDL that adds a
 * generated column or changes its expression on a table that has rows (the source computes the values of the
 * existing rows without logging row changes; the replica re-reads them). After each step every row of the target
 * equals the source, column by column.
 */
@RealServers
class GeneratedColumnsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** ReplayProgress' advisory lock class: holding it holds replay back, as a lagging replica would be. */
    private static final int REPLAY_LOCK_CLASS = 0x52504C59;

    private static ReplicaHarness replica;

    @BeforeAll
    static void initAndStart(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute("CREATE TABLE g (id INT PRIMARY KEY, a INT NOT NULL, name VARCHAR(30), doc LONGTEXT,"
                        + " v_mul INT AS (a * 100) VIRTUAL,"
                        + " s_concat VARCHAR(60) AS (CONCAT(name, '-', a)) STORED,"
                        + " v_sku VARCHAR(40) AS (JSON_UNQUOTE(JSON_EXTRACT(doc, '$.sku'))) VIRTUAL)",
                "INSERT INTO g (id, a, name, doc) VALUES (1, 7, 'anna', '{\"sku\": \"A-1\"}'),"
                        + " (2, 21, 'bob', '{\"sku\": \"B-2\"}'), (3, 5, NULL, '{\"other\": 1}')");
        Path config = TestConfig.between(source, target).write(home, "gencols");
        replica = ReplicaHarness.initAndStart(config.toString(), target);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        replica.close();
    }

    @Test
    void generatedColumnsEqualTheSourceAfterCopyWritesAndDdl(MariaDbDatabase source, PostgresDatabase target)
            throws SQLException {
        List<String> columns = new ArrayList<>(List.of("id", "a", "name", "doc", "v_mul", "s_concat", "v_sku"));
        assertSameRows(source, target, columns); // the copy

        source.execute("INSERT INTO g (id, a, name, doc) VALUES (4, 4, 'dora', '{\"sku\": \"D-4\"}')",
                "UPDATE g SET a = a + 1, name = 'ANNA' WHERE id = 1",
                "UPDATE g SET doc = '{\"sku\": \"B-22\"}' WHERE id = 2");
        assertSameRows(source, target, columns); // streamed inserts and updates

        // existing rows get values the binlog does not carry; writes right behind the ALTER touch them too
        source.execute("ALTER TABLE g ADD COLUMN w INT AS (a * 7) VIRTUAL",
                "UPDATE g SET a = 30 WHERE id = 2",
                "INSERT INTO g (id, a, name, doc) VALUES (5, 50, 'eve', '{\"sku\": \"E-5\"}')",
                "DELETE FROM g WHERE id = 3");
        columns.add("w");
        assertSameRows(source, target, columns);
        assertThat(target.queryForList("SELECT w FROM shop.g WHERE id = 4")).containsExactly(List.of(28));

        source.execute("ALTER TABLE g ADD COLUMN x VARCHAR(80) AS (CONCAT(UPPER(name), ':',"
                + " JSON_UNQUOTE(JSON_EXTRACT(doc, '$.sku')))) STORED, ADD COLUMN plain INT DEFAULT 9,"
                + " ADD COLUMN j JSON AS (JSON_EXTRACT(doc, '$.sku')) STORED");
        columns.addAll(List.of("x", "plain", "j"));
        assertSameRows(source, target, columns);
        assertThat(target.queryForList("SELECT data_type FROM information_schema.columns WHERE table_schema = 'shop'"
                + " AND table_name = 'g' AND column_name = 'j'")).as("j re-read into a jsonb column")
                .containsExactly(List.of("jsonb"));

        // changed expressions: MODIFY of a VIRTUAL and a STORED column, CHANGE with a rename; replay held back
        // meanwhile, so it meets the ALTERs and the writes after them long after the reader logged them
        whileReplayWaits(source, target, () -> source.execute(
                "ALTER TABLE g MODIFY COLUMN w INT AS (a * 1000) VIRTUAL,"
                        + " MODIFY COLUMN s_concat VARCHAR(60) AS (CONCAT(a, '/', name)) STORED",
                "UPDATE g SET a = 31 WHERE id = 2",
                "ALTER TABLE g CHANGE COLUMN x x2 VARCHAR(80) AS (CONCAT(LOWER(name), '#', id)) STORED",
                "INSERT INTO g (id, a, name, doc) VALUES (7, 70, 'gus', '{\"sku\": \"G-7\"}')"));
        columns.set(columns.indexOf("x"), "x2");
        assertSameRows(source, target, columns);
        assertThat(target.queryForList("SELECT w, s_concat, x2 FROM shop.g WHERE id = 4"))
                .containsExactly(List.of(4000, "4/dora", "dora#4"));

        source.execute("INSERT INTO g (id, a, name, doc) VALUES (6, 6, 'finn', '{\"sku\": \"F-6\"}')",
                "UPDATE g SET a = a * 2, doc = '{\"sku\": \"Z\"}' WHERE id IN (1, 4)",
                "DELETE FROM g WHERE id = 5");
        assertSameRows(source, target, columns); // more writes
    }

    /**
     * A reader that meets the ALTER after the table was renamed on the source cannot re-read the values: the table
     * is reported (disabled, with the fix in the error) rather than left with NULLs.
     */
    @Test
    void valuesThatCannotBeReReadPutTheTableUnderTheErrorPolicy(MariaDbDatabase source, PostgresDatabase target,
                                                                 @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE gone (id INT PRIMARY KEY, a INT)", "INSERT INTO gone VALUES (1, 1), (2, 2)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_gone").set("PG_SCHEMA", "gone_s")
                .write(home, "gone").toString();
        ReplicaHarness.initAndStart(config, target).close();
        source.execute("ALTER TABLE gone ADD COLUMN w INT AS (a * 2) VIRTUAL", "RENAME TABLE gone TO gone_later");

        try (ReplicaHarness lagging = ReplicaHarness.start(config, target)) {
            // the registry follows the RENAME the reader logged next
            Eventually.equals(List.of(List.of(false)), () -> target.queryForList("SELECT replica_enabled FROM"
                    + " cat_gone.replicated_table WHERE table_name = 'gone_later'"), DEADLINE);
            List<List<Object>> errors = target.queryForList("SELECT error_message FROM cat_gone.replay_error"
                    + " WHERE table_name = 'gone'");
            assertThat(errors).hasSize(1);
            assertThat((String) errors.get(0).get(0)).contains("generated column(s) [w]", "could not be read",
                    "sync_tables --tables " + source.name() + ".gone");
            assertThat(lagging.failure()).isNull();
        }
    }

    /**
     * What MariaDB puts in a rows event for generated columns: with binlog_row_image FULL both VIRTUAL and STORED
     * columns are in the table map and carry their computed values in the before and after images.
     */
    @Test
    void rowImagesCarryVirtualAndStoredValues(MariaDbDatabase source) throws Exception {
        source.execute("CREATE TABLE img (id INT PRIMARY KEY, a INT, v INT AS (a * 100) VIRTUAL,"
                + " s VARCHAR(20) AS (CONCAT('s', a)) STORED)");
        List<Serializable[]> after = new CopyOnWriteArrayList<>();
        List<Serializable[]> before = new CopyOnWriteArrayList<>();
        var server = source.server();
        BinaryLogClient client = new BinaryLogClient(server.host(), server.port(), server.user(), server.password());
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        client.setEventDeserializer(deserializer);
        client.setServerId(4_000_000 + (int) (Math.random() * 100_000));
        client.registerEventListener(event -> {
            EventData data = event.getData();
            if (data instanceof WriteRowsEventData write) {
                after.addAll(write.getRows());
            } else if (data instanceof UpdateRowsEventData update) {
                update.getRows().forEach(row -> {
                    before.add(row.getKey());
                    after.add(row.getValue());
                });
            }
        });
        client.connect(TimeUnit.SECONDS.toMillis(20));
        try {
            source.execute("INSERT INTO img (id, a) VALUES (1, 7)", "UPDATE img SET a = 8 WHERE id = 1");
            Eventually.equals(2, after::size, DEADLINE);
        } finally {
            client.disconnect();
        }
        assertThat(after.stream().map(GeneratedColumnsTest::texts).toList())
                .containsExactly(List.of("1", "7", "700", "s7"), List.of("1", "8", "800", "s8"));
        assertThat(before.stream().map(GeneratedColumnsTest::texts).toList())
                .containsExactly(List.of("1", "7", "700", "s7"));
    }

    /** Runs the work with replay held (its advisory lock taken) until the reader has logged all of it. */
    private static void whileReplayWaits(MariaDbDatabase source, PostgresDatabase target, Runnable work)
            throws SQLException {
        try (Connection hold = target.connect(); Statement st = hold.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + REPLAY_LOCK_CLASS + ", source_id) FROM chameleon_catalogue.source"
                    + " WHERE source_name = 'shop'");
            work.run();
            List<Object> end = source.queryForList("SHOW MASTER STATUS").get(0);
            String file = (String) end.get(0);
            long position = ((Number) end.get(1)).longValue();
            Eventually.equals(true, () -> {
                List<List<Object>> read = target.queryForList("SELECT binlog_file, binlog_position FROM"
                        + " chameleon_catalogue.read_position");
                int files = ((String) read.get(0).get(0)).compareTo(file);
                return files > 0 || files == 0 && ((Number) read.get(0).get(1)).longValue() >= position;
            }, DEADLINE);
        }
    }

    private static List<String> texts(Serializable[] row) {
        return Arrays.stream(row).map(v -> v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(v)).toList();
    }

    /** Every row of g, every column as text, ordered by id, equal on both sides. */
    private static void assertSameRows(MariaDbDatabase source, PostgresDatabase target, List<String> columns) {
        List<List<String>> expected = texts(source.queryForList("SELECT " + String.join(", ", columns.stream()
                .map(c -> "CAST(" + c + " AS CHAR)").toList()) + " FROM g ORDER BY id"));
        assertThat(expected).isNotEmpty();
        Eventually.equals(expected, () -> {
            try {
                return texts(target.queryForList("SELECT " + String.join(", ", columns.stream()
                        .map(c -> c + "::text").toList()) + " FROM shop.g ORDER BY id"));
            } catch (ServerException e) { // a column is not there yet: replay has not reached the DDL
                return List.of(List.of(String.valueOf(e.getCause())));
            }
        }, DEADLINE);
    }

    private static List<List<String>> texts(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v == null ? null : String.valueOf(v)).toList())
                .toList();
    }
}
