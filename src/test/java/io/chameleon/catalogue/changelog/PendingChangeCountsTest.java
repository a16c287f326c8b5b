package io.chameleon.catalogue.changelog;

import io.chameleon.capture.values.TextArrayImage;
import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.TableStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * show_status's pending changes per table: the writer sums each batch's rows per table into log_batch (parts of a
 * transaction that rolled back not included), and batches logged before those sums existed are counted row by row.
 */
@RealServers
class PendingChangeCountsTest {

    private static final String CATALOGUE = "pending_cat";
    private static final BinlogPosition AT = new BinlogPosition("mysql-bin.000001", 4);

    @Test
    void pendingChangesPerTableComeFromTheBatchSumsAndFromTheRowsOfOlderBatches(PostgresDatabase database)
            throws Exception {
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.create();
            int sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop", "shop")).id();
            int orders = register(c, sourceId, "orders");
            int items = register(c, sourceId, "items"); // a greater id: the batch's arrays list orders first
            register(c, sourceId, "quiet");
            ImageLayout orderRow = new ImageLayout(orders, List.of("id"), List.of("id"));
            ImageLayout itemRow = new ImageLayout(items, List.of("id"), List.of("id"));

            long whole;
            long inParts;
            try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
                whole = writer.openBatch(AT, 0);
                writer.appendRows(whole, 1, List.of(row(orderRow, RowOperation.INSERT), row(itemRow, RowOperation.INSERT),
                        row(orderRow, RowOperation.UPDATE), row(orderRow, RowOperation.DELETE),
                        LoggedChange.truncate(items, AT, 0), LoggedChange.schemaChange(orders, AT, 0, "SELECT 1")));
                writer.completeBatch(whole, AT, 2, 6, 0);
                writer.commit(true);

                inParts = writer.openBatch(AT, 0);
                writer.appendRows(inParts, 1, List.of(row(orderRow, RowOperation.INSERT), row(orderRow, RowOperation.INSERT)));
                writer.commit(false);
                writer.appendRows(inParts, 3, rows(orderRow, 5)); // a part whose transaction rolls back
                writer.rollback();
                writer.appendRows(inParts, 3, List.of(row(itemRow, RowOperation.UPDATE)));
                writer.completeBatch(inParts, AT, 1, 3, 0);
                writer.commit(true);

                long older = writer.openBatch(AT, 0); // as if logged before catalogue version 9
                writer.appendRows(older, 1, rows(orderRow, 4));
                writer.completeBatch(older, AT, 1, 4, 0);
                writer.commit(true);
                database.execute("UPDATE " + CATALOGUE + ".log_batch SET table_ids = NULL, table_rows = NULL"
                        + " WHERE batch_id = " + older);

                long incomplete = writer.openBatch(AT, 0); // not visible to replay: not pending either
                writer.appendRows(incomplete, 1, rows(itemRow, 7));
                writer.commit(false);
            }

            assertThat(database.queryForList("SELECT table_ids::text || '|' || table_rows::text FROM " + CATALOGUE
                    + ".log_batch WHERE batch_id IN (" + whole + ", " + inParts + ") ORDER BY batch_id"))
                    .containsExactly(List.of("{" + orders + "," + items + "}|{3,2}"),
                            List.of("{" + orders + "," + items + "}|{2,1}"));
            assertThat(pending(c, sourceId)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("orders", 3L + 2 + 4, "items", 2L + 1, "quiet", 0L));

            database.execute("UPDATE " + CATALOGUE + ".log_batch SET replayed_at = now() WHERE batch_id = " + whole);
            assertThat(pending(c, sourceId)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("orders", 2L + 4, "items", 1L, "quiet", 0L));
        }
    }

    private static LoggedChange row(ImageLayout layout, RowOperation operation) {
        byte[] key = TextArrayImage.of("1");
        return LoggedChange.row(layout, operation, AT, 0, operation == RowOperation.INSERT ? null : key,
                operation == RowOperation.DELETE ? null : key);
    }

    private static List<LoggedChange> rows(ImageLayout layout, int count) {
        List<LoggedChange> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(layout, RowOperation.INSERT));
        }
        return rows;
    }

    private static int register(Connection c, int sourceId, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CATALOGUE + ".replicated_table (source_id,"
                + " origin_schema, table_name, destination_schema, key_columns) VALUES (?, 'shop', ?, 'shop', '{id}')"
                + " RETURNING table_id")) {
            ps.setInt(1, sourceId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Long> pending(Connection c, int sourceId) throws Exception {
        return new ReplicatedTableRepository(c, CATALOGUE).status(sourceId).stream()
                .collect(Collectors.toMap(TableStatus::tableName, TableStatus::pendingChanges));
    }
}
