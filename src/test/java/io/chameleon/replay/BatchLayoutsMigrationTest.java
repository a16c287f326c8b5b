package io.chameleon.replay;

import io.chameleon.capture.values.TextArrayImage;
import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.catalogue.changelog.LoggedChange;
import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.config.ErrorPolicy;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue version 13 adds the layouts and the after-image bytes per table to each batch's summary. Batches logged before the upgrade have none and
 * replay as before, counted in the change log; the reader's batches after it carry them.
 */
@RealServers
class BatchLayoutsMigrationTest {

    private static final String CATALOGUE = "layouts_upgrade_cat";
    private static final ReplaySettings SETTINGS = new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofMinutes(1));

    @Test
    void batchesLoggedBeforeTheUpgradeReplayAndLaterOnesCarryTheirLayouts(PostgresDatabase database) throws Exception {
        int sourceId;
        int items;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.migrateTo(12);
            sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop_db", "shop")).id();
            database.execute("DROP SCHEMA IF EXISTS shop CASCADE", "CREATE SCHEMA shop",
                    "CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
            items = (int) ReplayAssertions.count(database, "INSERT INTO " + CATALOGUE + ".replicated_table (source_id,"
                    + " origin_schema, table_name, destination_schema, key_columns) VALUES (" + sourceId
                    + ", 'shop_db', 'items', 'shop', '{id}') RETURNING table_id");
            int layout = new RowLayoutRepository(c, CATALOGUE).idOf(items, List.of("id", "name"), List.of("id"));
            // a batch as the version 12 reader completed it: rows per table, no layouts
            database.execute("INSERT INTO " + CATALOGUE + ".log_batch (source_id, start_binlog_file,"
                    + " start_binlog_position, end_binlog_file, end_binlog_position, transaction_count, row_count,"
                    + " complete, table_ids, table_rows) VALUES (" + sourceId + ", 'mysql-bin.000001', 4,"
                    + " 'mysql-bin.000001', 300, 1, 2, true, '{" + items + "}', '{2}')");
            c.setAutoCommit(false);
            new ChangeLogPartitions(CATALOGUE).ensurePartitionFor(c, 1);
            c.commit();
            c.setAutoCommit(true);
            database.execute("INSERT INTO " + CATALOGUE + ".change_log (batch_id, event_seq, table_id, operation,"
                    + " binlog_file, binlog_position, layout_id, row_before, row_after) VALUES"
                    + " (1, 1, " + items + ", 'I', 'mysql-bin.000001', 100, " + layout + ", NULL, '{1,tea}'),"
                    + " (1, 2, " + items + ", 'U', 'mysql-bin.000001', 200, " + layout + ", '{1}', '{1,green tea}')");

            new Catalogue(c, CATALOGUE, "test").upgrade();
        }
        assertThat(ReplayAssertions.rows(database, "SELECT batch_id, layout_ids IS NULL, table_image_bytes IS NULL"
                + " FROM " + CATALOGUE + ".log_batch")).containsExactly("1|true|true");

        try (ReplayWorker worker = new ReplayWorker(database::connect, CATALOGUE, sourceId, SETTINGS)) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 2, 0, 0));
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id, name FROM shop.items")).containsExactly("1|green tea");

        BinlogPosition at = new BinlogPosition("mysql-bin.000001", 400);
        ImageLayout full = new ImageLayout(items, List.of("id", "name"), List.of("id"));
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            long batch = writer.openBatch(at, 0);
            writer.appendRows(batch, 1, List.of(
                    LoggedChange.row(full, RowOperation.INSERT, at, 0, null, TextArrayImage.of("2", "milk")),
                    LoggedChange.row(full, RowOperation.DELETE, at, 0, TextArrayImage.of("1"), null)));
            writer.completeBatch(batch, at, 1, 2, 0);
            writer.commit(true);
        }
        assertThat(ReplayAssertions.rows(database, "SELECT l.table_id || ' ' || l.column_names::text FROM "
                + CATALOGUE + ".log_batch b CROSS JOIN unnest(b.layout_ids) AS x (layout_id) JOIN " + CATALOGUE
                + ".row_layout l USING (layout_id) WHERE b.batch_id = 2")).containsExactly(items + " {id,name}");
        assertThat(ReplayAssertions.rows(database, "SELECT table_image_bytes::text FROM " + CATALOGUE
                + ".log_batch WHERE batch_id = 2")).containsExactly("{" + TextArrayImage.of("2", "milk").length + "}");

        try (ReplayWorker worker = new ReplayWorker(database::connect, CATALOGUE, sourceId, SETTINGS)) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 2, 0, 0));
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id, name FROM shop.items")).containsExactly("2|milk");
        assertThat(ReplayAssertions.rows(database, "SELECT applied_changes FROM " + CATALOGUE
                + ".replicated_table")).containsExactly("4");
    }
}
