package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealServers
class SourceRepositoryTest {

    private static final String CATALOGUE = "cat_sources";

    private final PostgresDatabase database;
    private Connection connection;
    private SourceRepository sources;

    SourceRepositoryTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        connection = database.connect();
        Catalogue catalogue = new Catalogue(connection, CATALOGUE, "test");
        catalogue.drop();
        catalogue.create();
        sources = new SourceRepository(connection, CATALOGUE);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void registersASourceWithItsSchemaMappingsAsReady() throws SQLException {
        SourceRecord added = sources.register("shop", "mysql", mappings("shop_db", "shop", "crm_db", "crm"));

        SourceRecord stored = sources.find("shop").orElseThrow();
        assertThat(stored.id()).isEqualTo(added.id());
        assertThat(stored.status()).isEqualTo(SourceStatus.READY);
        assertThat(stored.consistent()).isFalse();
        assertThat(stored.schemaMappings()).containsExactlyInAnyOrderEntriesOf(Map.of("shop_db", "shop", "crm_db", "crm"));
    }

    @Test
    void refusesADuplicateSourceName() {
        SourceRecord first = sources.register("shop", "mysql", mappings("shop_db", "shop"));

        assertThatThrownBy(() -> sources.register("shop", "mysql", mappings("other_db", "other")))
                .isInstanceOf(StateException.class)
                .hasMessage("source 'shop' is already registered (id " + first.id()
                        + "); drop it first with 'drop_source --source shop' or choose another name");
    }

    @Test
    void refusesADestinationSchemaMappedByAnotherSource() throws SQLException {
        sources.register("shop", "mysql", mappings("shop_db", "shop"));

        assertThatThrownBy(() -> sources.register("erp", "mysql", mappings("erp_db", "erp", "legacy_shop", "shop")))
                .isInstanceOf(StateException.class)
                .hasMessage("destination schema 'shop' is already mapped by source 'shop' (from MySQL database "
                        + "'shop_db'); a destination schema may belong to one source only");
        assertThat(sources.find("erp")).isEmpty();
    }

    @Test
    void refusesTwoDatabasesOfOneSourceMappedToOneSchema() {
        assertThatThrownBy(() -> sources.register("shop", "mysql", mappings("a_db", "shop", "b_db", "shop")))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("maps both MySQL databases 'a_db' and 'b_db' to destination schema 'shop'");
    }

    @Test
    void removingASourceDropsItsChangeLogButKeepsReplicatedTables() throws SQLException {
        SourceRecord shop = sources.register("shop", "mysql", mappings("shop_db", "shop"));
        database.execute("CREATE SCHEMA IF NOT EXISTS shop",
                "CREATE TABLE IF NOT EXISTS shop.items (id int PRIMARY KEY)",
                "TRUNCATE shop.items", "INSERT INTO shop.items VALUES (7)",
                "INSERT INTO " + CATALOGUE + ".log_batch (source_id, start_binlog_file, start_binlog_position,"
                        + " end_binlog_file, end_binlog_position, transaction_count, row_count)"
                        + " VALUES (" + shop.id() + ", 'mysql-bin.000001', 4, 'mysql-bin.000001', 400, 1, 1)");
        new ChangeLogPartitions(CATALOGUE).ensurePartitionFor(connection, 1);
        database.execute("INSERT INTO " + CATALOGUE + ".change_log (batch_id, event_seq, table_id, operation,"
                        + " binlog_file, binlog_position, layout_id, row_after) SELECT batch_id, 1, 1, 'I',"
                        + " 'mysql-bin.000001', 300, 1, '{7}' FROM " + CATALOGUE + ".log_batch");
        connection.setAutoCommit(true);
        int itemsId;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("INSERT INTO " + CATALOGUE + ".replicated_table (source_id, origin_schema,"
                     + " table_name, destination_schema, key_columns) VALUES (" + shop.id() + ", 'shop_db', 'items',"
                     + " 'shop', '{id}') RETURNING table_id")) {
            rs.next();
            itemsId = rs.getInt(1);
        }
        new RowLayoutRepository(connection, CATALOGUE).idOf(itemsId, List.of("id"), List.of("id"));

        sources.remove("shop");

        assertThat(sources.find("shop")).isEmpty();
        assertThat(count(CATALOGUE + ".log_batch")).isZero();
        assertThat(count(CATALOGUE + ".change_log")).isZero();
        assertThat(count(CATALOGUE + ".schema_mapping")).isZero();
        assertThat(count(CATALOGUE + ".row_layout")).isZero();
        assertThat(count("shop.items")).isEqualTo(1);
    }

    @Test
    void refusesToRemoveARunningSource() {
        sources.register("shop", "mysql", mappings("shop_db", "shop"));
        sources.setStatus("shop", SourceStatus.RUNNING);

        assertThatThrownBy(() -> sources.remove("shop"))
                .isInstanceOf(StateException.class)
                .hasMessage("source 'shop' is running; stop it with 'stop_replica --source shop' before dropping it");
        assertThat(sources.active()).extracting(SourceRecord::name).containsExactly("shop");
    }

    @Test
    void removingAnUnknownSourceSaysHowToAddIt() {
        assertThatThrownBy(() -> sources.remove("ghost"))
                .isInstanceOf(StateException.class)
                .hasMessage("source 'ghost' is not registered in the catalogue; run 'chameleon add_source --source ghost'");
    }

    @Test
    void overviewListsSourcesWithLagsFromTheSourceClock() throws SQLException {
        SourceRecord shop = sources.register("shop", "mysql", mappings("shop_db", "shop"));
        sources.register("erp", "mysql", mappings("erp_db", "erp"));
        database.execute("INSERT INTO " + CATALOGUE + ".read_position (source_id, binlog_file, binlog_position,"
                        + " last_event_time) VALUES (" + shop.id() + ", 'mysql-bin.000002', 1234, '2026-01-01 12:00:00+00')",
                "INSERT INTO " + CATALOGUE + ".replay_progress (source_id, last_event_time)"
                        + " VALUES (" + shop.id() + ", '2026-01-01 11:59:30+00')",
                "INSERT INTO " + CATALOGUE + ".log_batch (source_id, start_binlog_file, start_binlog_position,"
                        + " end_binlog_file, end_binlog_position, transaction_count, row_count)"
                        + " VALUES (" + shop.id() + ", 'mysql-bin.000002', 1000, 'mysql-bin.000002', 1234, 1, 1)");

        List<SourceOverview> overview = sources.overview();

        assertThat(overview).extracting(SourceOverview::name).containsExactly("shop", "erp");
        SourceOverview first = overview.get(0);
        assertThat(first.lastRead().toInstant()).isEqualTo(java.time.Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(first.readLag()).isGreaterThan(Duration.ofDays(1));
        assertThat(first.replayLag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.effectiveStatus()).isEqualTo("ready");
        assertThat(overview.get(1).readLag()).isNull();
        assertThat(overview.get(1).lastReplay()).isNull();
    }

    private long count(String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> mappings(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
