package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chameleon.replay.NetEffectStatement.Form;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row events end in the same target rows as applying them one by one, whatever the chunk groups together, in either
 * form of the statement (the batch summaries are made to give the images the size that picks it).
 */
@RealServers
class NetEffectReplayTest {

    private static final ReplaySettings SETTINGS = new ReplaySettings(10_000, ErrorPolicy.EXIT, Duration.ofSeconds(1));

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int items;

    NetEffectReplayTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database).fresh("shop");
        database.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text, code text UNIQUE)");
        items = log.table("shop", "items", "id");
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void appliesInsertsUpdatesAndDeletesInOrder(Form form) throws SQLException {
        log.batch().insert(items, item("1", "tea")).insert(items, item("2", "milk")).insert(items, item("3", "rice"))
                .commit();
        log.batch().update(items, item("1", "tea"), item("1", "green tea")).delete(items, item("2", "milk"))
                .update(items, item("3", "rice"), item("3", "brown rice")).update(items, item("3", "brown rice"),
                        item("3", "red rice")).commit();

        ReplayResult result = replayAll(form);

        assertThat(result.rows()).isEqualTo(7);
        assertThat(items()).containsExactly("1|green tea|c1", "3|red rice|c3");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void imagesOfSeveralLayoutsInOneStatementMapTheirColumnsByName(Form form) throws SQLException {
        database.execute("ALTER TABLE shop.items ALTER COLUMN code SET DEFAULT 'none'");
        log.batch().insert(items, item("1", "tea"))
                // other column orders, a column the target lacks, and one lacking a column the target has
                .insert(items, row("code", "c2", "gone", "x", "name", "milk", "id", "2"))
                .insert(items, row("name", "rice", "id", "3"))
                .update(items, row("name", "tea", "id", "1"), row("id", "1", "code", "c1", "name", "green tea"))
                .delete(items, row("code", "c2", "id", "2")).commit();

        replayAll(form);

        // a column an image lacks is NULL, as with any other image of the statement; the default does not apply
        assertThat(items()).containsExactly("1|green tea|c1", "3|rice|null");
        assertThat(database.queryForList("SELECT count(DISTINCT layout_id) FROM " + ChangeLogFixture.CATALOGUE
                + ".change_log")).containsExactly(List.of(5L));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aGeneratedColumnOfTheTargetIsLeftToPostgresAndAnIdentityTakesTheSourceValues(Form form) throws SQLException {
        // e.g. a computed column added on the PostgreSQL side of a keep_existing_schema replica, and an identity key
        database.execute("ALTER TABLE shop.items ADD COLUMN label text GENERATED ALWAYS AS (upper(name)) STORED",
                "ALTER TABLE shop.items ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY");
        log.batch().insert(items, item("1", "tea")).insert(items, row("id", "2", "name", "milk", "code", "c2",
                "label", "from the source")).update(items, item("1", "tea"), item("1", "green tea")).commit();

        replayAll(form);

        assertThat(query("SELECT id, name, label FROM shop.items ORDER BY id"))
                .containsExactly("1|green tea|GREEN TEA", "2|milk|MILK");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void replaysUpdateThatChangesPrimaryKey(Form form) throws SQLException {
        log.batch().insert(items, item("1", "tea")).insert(items, item("2", "milk")).commit();
        log.batch().update(items, item("1", "tea"), row("id", "10", "name", "tea", "code", "c1")).commit();

        replayAll(form);

        assertThat(items()).containsExactly("2|milk|c2", "10|tea|c1");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void deleteThenReinsertInOneTransactionEndsAsTheReinsertedRow(Form form) throws SQLException {
        log.batch().insert(items, item("1", "tea")).commit();
        log.batch().delete(items, item("1", "tea")).insert(items, item("1", "coffee")).commit();

        replayAll(form);

        assertThat(items()).containsExactly("1|coffee|c1");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void deleteThenReinsertAcrossBatchesInOneChunk(Form form) throws SQLException {
        log.batch().insert(items, item("1", "tea")).insert(items, item("2", "milk")).commit();
        log.batch().delete(items, item("1", "tea")).commit();
        log.batch().insert(items, item("1", "mate")).delete(items, item("2", "milk")).commit();

        ReplayResult result = replayAll(form);

        assertThat(result.batches()).isEqualTo(3);
        assertThat(items()).containsExactly("1|mate|c1");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void keyChangedTwiceInOneChunkEndsUnderTheLastKey(Form form) throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "a", "code", "x")).commit();
        log.batch().update(items, row("id", "1", "name", "a", "code", "x"), row("id", "2", "name", "b", "code", "x"))
                .update(items, row("id", "2", "name", "b", "code", "x"), row("id", "3", "name", "c", "code", "x"))
                .commit();

        replayAll(form);

        assertThat(items()).containsExactly("3|c|x");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void rowsSwappingAUniqueValueDoNotCollide(Form form) throws SQLException {
        database.execute("INSERT INTO shop.items VALUES (1, 'tea', 'A'), (2, 'milk', 'B')");
        log.batch().update(items, row("id", "1", "name", "tea", "code", "A"), row("id", "1", "name", "tea", "code", "T"))
                .update(items, row("id", "2", "name", "milk", "code", "B"), row("id", "2", "name", "milk", "code", "A"))
                .update(items, row("id", "1", "name", "tea", "code", "T"), row("id", "1", "name", "tea", "code", "B"))
                .commit();

        replayAll(form);

        assertThat(items()).containsExactly("1|tea|B", "2|milk|A");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void appliesSeveralTablesOfOneSourceTransaction(Form form) throws SQLException {
        database.execute("CREATE TABLE shop.orders (order_id bigint PRIMARY KEY, item_id int, qty int)");
        int orders = log.table("shop", "orders", "order_id");
        log.batch().insert(items, item("1", "tea"))
                .insert(orders, row("order_id", "100", "item_id", "1", "qty", "2"))
                .update(items, item("1", "tea"), item("1", "black tea"))
                .update(orders, row("order_id", "100", "item_id", "1", "qty", "2"),
                        row("order_id", "100", "item_id", "1", "qty", "5"))
                .commit();

        replayAll(form);

        assertThat(items()).containsExactly("1|black tea|c1");
        assertThat(query("SELECT order_id, item_id, qty FROM shop.orders")).containsExactly("100|1|5");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void matchesCompositeKeysOnEveryColumn(Form form) throws SQLException {
        database.execute("CREATE TABLE shop.stock (store text, sku int, qty int, PRIMARY KEY (store, sku))");
        int stock = log.table("shop", "stock", "store", "sku");
        log.batch().insert(stock, stockRow("north", "1", "5")).insert(stock, stockRow("north", "2", "6"))
                .insert(stock, stockRow("south", "1", "7")).commit();
        log.batch().update(stock, stockRow("north", "1", "5"), stockRow("north", "1", "50"))
                .delete(stock, stockRow("south", "1", "7"))
                .update(stock, stockRow("north", "2", "6"), stockRow("south", "2", "6")).commit();

        replayAll(form);

        assertThat(query("SELECT store, sku, qty FROM shop.stock ORDER BY store, sku"))
                .containsExactly("north|1|50", "south|2|6");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void matchesFixedLengthCharacterAndBitKeysOnTheirWholeValue(Form form) throws SQLException {
        // char(n) and bit(n) keys: a cast to the bare type name would mean char(1) / bit(1) and cut the value
        database.execute("CREATE TABLE shop.codes (code char(36), flags bit(3), label text, PRIMARY KEY (code, flags))");
        int codes = log.table("shop", "codes", "code", "flags");
        String first = "6f1c1a0e-0b7d-4c55-9a52-1f0b2b7c9e01";
        String second = "6f1c1a0e-0b7d-4c55-9a52-1f0b2b7c9e02";
        log.batch().insert(codes, row("code", first, "flags", "101", "label", "a"))
                .insert(codes, row("code", second, "flags", "101", "label", "b"))
                .insert(codes, row("code", second, "flags", "100", "label", "c")).commit();
        replayAll(form); // the rows are in the table before the changes below come
        log.batch().update(codes, row("code", first, "flags", "101", "label", "a"),
                        row("code", first, "flags", "101", "label", "a2"))
                .delete(codes, row("code", second, "flags", "100", "label", "c")).commit();

        replayAll(form);

        assertThat(query("SELECT code, flags, label FROM shop.codes ORDER BY code, flags"))
                .containsExactly(first + "|101|a2", second + "|101|b");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void decodesValuesOfManyTypes(Form form) throws SQLException {
        database.execute("CREATE TABLE shop.typed (id numeric(20) PRIMARY KEY, raw bytea, tags text[], flags bit(3),"
                + " seen timestamptz, doc jsonb, note text, amount numeric(10,2), day date, ok boolean)");
        int typed = log.table("shop", "typed", "id");
        log.batch().insert(typed, row("id", "18446744073709551615", "raw", "\\x0102", "tags", "{a,b}", "flags", "101",
                "seen", "2020-01-01 10:00:00.5+00", "doc", Map.of("k", List.of(1, "two", Map.of("n", true))),
                "note", null, "amount", "12.50", "day", "2024-02-29", "ok", "t")).commit();

        replayAll(form);

        assertThat(query("SELECT id, encode(raw, 'hex'), tags[2], flags, seen AT TIME ZONE 'UTC', doc #>> '{k,2,n}',"
                + " jsonb_typeof(doc -> 'k'), note IS NULL, amount, day, ok FROM shop.typed"))
                .containsExactly("18446744073709551615|0102|b|101|2020-01-01 10:00:00.5|true|array|true|12.50|2024-02-29|true");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void identityAndSerialSequencesMovePastTheReplayedValues(Form form) throws SQLException {
        database.execute("CREATE TABLE shop.tickets (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " number serial, note text)");
        int tickets = log.table("shop", "tickets", "id");
        log.batch().insert(tickets, row("id", "5", "number", "30", "note", "a"))
                .insert(tickets, row("id", "9", "number", "70", "note", "b"))
                .update(tickets, row("id", "5"), row("id", "12", "number", "31", "note", "a2")).commit();

        replayAll(form);

        assertThat(query("SELECT id, number, note FROM shop.tickets ORDER BY id")).containsExactly("9|70|b", "12|31|a2");
        // a row written on the promoted replica gets values past the replicated ones
        database.execute("INSERT INTO shop.tickets (note) VALUES ('local')");
        assertThat(query("SELECT id > 12, number > 70 FROM shop.tickets WHERE note = 'local'"))
                .containsExactly("true|true");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aMissingTargetTableIsSetAsideNamingItAndTheOthersApply(Form form) throws SQLException {
        int gone = log.table("shop", "gone", "id"); // registered, but not created in the target
        log.batch().insert(items, item("1", "tea")).insert(gone, row("id", "1", "name", "x"))
                .update(gone, row("id", "1"), row("id", "1", "name", "y")).commit();

        ReplayResult result = replayAll(form, new ReplaySettings(10_000, ErrorPolicy.CONTINUE, Duration.ofSeconds(1)));

        assertThat(result).isEqualTo(new ReplayResult(1, 1, 0, 2));
        assertThat(items()).containsExactly("1|tea|c1");
        assertThat(query("SELECT table_name, sqlstate, error_message LIKE '%shop.gone%does not exist%',"
                + " statement LIKE '%INSERT INTO \"shop\".\"gone\"%', statement LIKE '%a.upsert, a.image,%'"
                + " FROM " + CATALOGUE + ".replay_error")).containsExactly("gone|42P01|true|true|" + (form == Form.CARRIED));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aTableWhoseStatisticsSayItIsEmptyIsMatchedKeyByKey(Form form) throws Exception {
        // emptied, analysed, then filled again: the statistics say the table holds no rows. The delete was a join,
        // which the planner then turned around (the table outside, the touched keys inside, for every row): these
        // 20,000 updates took minutes. Key by key they take about a second, so a minute means the join came back.
        database.execute("ALTER TABLE shop.items SET (autovacuum_enabled = false)",
                "INSERT INTO shop.items SELECT g, 'old', 'o' || g FROM generate_series(1, 20000) g",
                "DELETE FROM shop.items", "ANALYZE shop.items",
                "INSERT INTO shop.items SELECT g, 'seed', 'c' || g FROM generate_series(1, 20000) g");
        ChangeLogFixture.Batch batch = log.batch();
        for (int id = 1; id <= 20_000; id++) {
            String key = Integer.toString(id);
            batch.update(items, row("id", key, "name", "seed", "code", "c" + key),
                    row("id", key, "name", "new", "code", "c" + key));
        }
        batch.commit();

        ReplayResult result = CompletableFuture.supplyAsync(() -> replayAll(form)).get(60, TimeUnit.SECONDS);

        assertThat(result.rows()).isEqualTo(20_000);
        assertThat(query("SELECT name, count(*) FROM shop.items GROUP BY name")).containsExactly("new|20000");
    }

    private ReplayResult replayAll(Form form) {
        return replayAll(form, SETTINGS);
    }

    /** Replays every batch logged, its summaries saying images of an average size that picks {@code form}. */
    private ReplayResult replayAll(Form form, ReplaySettings settings) {
        long averageBytes = form == Form.CARRIED ? 0 : NetEffectStatement.CARRY_IMAGES_BELOW_BYTES;
        database.execute("UPDATE " + CATALOGUE + ".log_batch SET table_image_bytes = ARRAY(SELECT n::bigint * "
                + averageBytes + " FROM unnest(table_rows) AS n)");
        try (ReplayWorker worker = log.worker(settings)) {
            ReplayResult result = worker.replayOnce();
            assertThat(worker.replayOnce().idle()).isTrue();
            return result;
        }
    }

    private static Map<String, Object> item(String id, String name) {
        return row("id", id, "name", name, "code", "c" + id);
    }

    private static Map<String, Object> stockRow(String store, String sku, String qty) {
        return row("store", store, "sku", sku, "qty", qty);
    }

    private List<String> items() {
        return query("SELECT id, name, code FROM shop.items ORDER BY id");
    }

    private List<String> query(String sql) {
        return ReplayAssertions.rows(database, sql);
    }
}
