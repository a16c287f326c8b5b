package io.chameleon.catalogue.changelog;

import io.chameleon.capture.values.TextArrayImage;
import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reader's COPY stores in the change log is exactly what it was handed, field by field. */
@RealServers
class ChangeLogWriterTest {

    private static final String CATALOGUE = "writer_cat";

    @Test
    void storesEveryFieldOfRowsTruncatesAndSchemaChangesAsGiven(PostgresDatabase database) throws Exception {
        long batchId;
        int sourceId = freshCatalogue(database);
        long commitMillis = Instant.parse("2026-12-04T10:15:30.123Z").toEpochMilli();
        BinlogPosition start = new BinlogPosition("mysql-bin.000007", 4);
        // images with what text COPY would have had to escape: backslashes, tabs, newlines, non-ASCII; a NULL
        ImageLayout layout = new ImageLayout(3, List.of("id", "note", "raw", "gone"), List.of("id"));
        byte[] after = TextArrayImage.of("7", "tab\there\nnew line \\ ü😀", "\\x00ff", null);
        byte[] key = TextArrayImage.of("7");
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            batchId = writer.openBatch(start, commitMillis);
            writer.appendRows(batchId, 1, List.of(
                    LoggedChange.row(layout, RowOperation.INSERT, new BinlogPosition("mysql-bin.000007", 120),
                            commitMillis, null, after),
                    LoggedChange.row(layout, RowOperation.UPDATE, new BinlogPosition("mysql-bin.000008",
                            4_000_000_000L), commitMillis, key, after),
                    LoggedChange.row(layout, RowOperation.DELETE, new BinlogPosition("mysql-bin.000008", 5), 0,
                            key, null),
                    LoggedChange.truncate(3, new BinlogPosition("mysql-bin.000008", 6), 0)));
            writer.appendRows(batchId, 5, List.of(LoggedChange.schemaChange(4, new BinlogPosition(
                    "mysql-bin.000008", 7), commitMillis, "ALTER TABLE \"shop\".\"t\"\n\tADD COLUMN \"é\" text")));
            writer.completeBatch(batchId, new BinlogPosition("mysql-bin.000008", 8), 5, 5, commitMillis);
            writer.commit(true);
        }

        assertThat(database.queryForList("SELECT event_seq, c.table_id, operation, binlog_file, binlog_position,"
                + " to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), row_before::text,"
                + " row_after[2], row_after[3], row_after[4] IS NULL, l.column_names::text, l.key_columns::text, ddl"
                + " FROM " + CATALOGUE + ".change_log c LEFT JOIN " + CATALOGUE + ".row_layout l USING (layout_id)"
                + " WHERE batch_id = " + batchId + " ORDER BY event_seq")).containsExactly(
                Arrays.asList(1, 3, "I", "mysql-bin.000007", 120L, "2026-12-04 10:15:30.123000", null,
                        "tab\there\nnew line \\ ü😀", "\\x00ff", true, "{id,note,raw,gone}", "{id}", null),
                Arrays.asList(2, 3, "U", "mysql-bin.000008", 4_000_000_000L, "2026-12-04 10:15:30.123000", "{7}",
                        "tab\there\nnew line \\ ü😀", "\\x00ff", true, "{id,note,raw,gone}", "{id}", null),
                Arrays.asList(3, 3, "D", "mysql-bin.000008", 5L, null, "{7}", null, null, true, "{id,note,raw,gone}",
                        "{id}", null),
                Arrays.asList(4, 3, "T", "mysql-bin.000008", 6L, null, null, null, null, true, null, null, null),
                Arrays.asList(5, 4, "S", "mysql-bin.000008", 7L, "2026-12-04 10:15:30.123000", null, null,
                        null, true, null, null, "ALTER TABLE \"shop\".\"t\"\n\tADD COLUMN \"é\" text"));
    }

    @Test
    void aLayoutRegisteredInARolledBackTransactionIsRegisteredAgain(PostgresDatabase database) throws Exception {
        int sourceId = freshCatalogue(database);
        ImageLayout layout = new ImageLayout(3, List.of("id", "note"), List.of("id"));
        BinlogPosition at = new BinlogPosition("mysql-bin.000001", 4);
        List<LoggedChange> insert = List.of(LoggedChange.row(layout, RowOperation.INSERT, at, 0, null,
                TextArrayImage.of("1", "a")));
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            long lost = writer.openBatch(at, 0);
            writer.appendRows(lost, 1, insert);
            writer.rollback();
            for (int i = 0; i < 2; i++) { // the second batch reuses the layout the first one committed
                long batchId = writer.openBatch(at, 0);
                writer.appendRows(batchId, 1, insert);
                writer.completeBatch(batchId, at, 1, 1, 0);
                writer.commit(false);
            }
        }
        assertThat(database.queryForList("SELECT count(*), count(l.layout_id), count(DISTINCT c.layout_id) FROM "
                + CATALOGUE + ".change_log c LEFT JOIN " + CATALOGUE + ".row_layout l USING (layout_id)"))
                .containsExactly(List.of(2L, 2L, 1L));
        assertThat(database.queryForList("SELECT count(*) FROM " + CATALOGUE + ".row_layout")).containsExactly(List.of(1L));
    }

    @Test
    void recordsTheLayoutsOfEachBatchFromItsCommittedPartsOnly(PostgresDatabase database) throws Exception {
        int sourceId = freshCatalogue(database);
        BinlogPosition at = new BinlogPosition("mysql-bin.000001", 4);
        ImageLayout narrow = new ImageLayout(3, List.of("id"), List.of("id"));
        ImageLayout wide = new ImageLayout(3, List.of("id", "note"), List.of("id"));
        ImageLayout other = new ImageLayout(4, List.of("id"), List.of("id"));
        ImageLayout lost = new ImageLayout(4, List.of("id", "lost"), List.of("id"));
        long whole;
        long inParts;
        long barriersOnly;
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            whole = writer.openBatch(at, 0);
            writer.appendRows(whole, 1, List.of(insert(wide, at), insert(narrow, at), insert(wide, at),
                    LoggedChange.truncate(4, at, 0)));
            writer.completeBatch(whole, at, 1, 4, 0);
            writer.commit(true);

            inParts = writer.openBatch(at, 0);
            writer.appendRows(inParts, 1, List.of(insert(other, at)));
            writer.commit(false);
            writer.appendRows(inParts, 2, List.of(insert(lost, at), insert(narrow, at))); // rolls back
            writer.rollback();
            writer.appendRows(inParts, 2, List.of(insert(narrow, at)));
            writer.commit(false);
            writer.appendRows(inParts, 3, List.of(insert(wide, at)));
            writer.completeBatch(inParts, at, 1, 3, 0);
            writer.commit(true);

            barriersOnly = writer.openBatch(at, 0);
            writer.appendRows(barriersOnly, 1, List.of(LoggedChange.truncate(3, at, 0),
                    LoggedChange.schemaChange(3, at, 0, "SELECT 1")));
            writer.completeBatch(barriersOnly, at, 1, 2, 0);
            writer.commit(true);
        }

        Map<String, Integer> ids = new HashMap<>();
        for (List<Object> layout : database.queryForList("SELECT table_id || ':' || column_names::text, layout_id"
                + " FROM " + CATALOGUE + ".row_layout")) {
            ids.put((String) layout.get(0), (Integer) layout.get(1));
        }
        assertThat(ids).containsOnlyKeys("3:{id}", "3:{id,note}", "4:{id}"); // the rolled-back layout is gone
        assertThat(database.queryForList("SELECT batch_id, layout_ids::text, table_ids::text, table_rows::text FROM "
                + CATALOGUE + ".log_batch ORDER BY batch_id")).containsExactly(
                List.of(whole, sorted(ids.get("3:{id}"), ids.get("3:{id,note}")), "{3,4}", "{3,1}"),
                List.of(inParts, sorted(ids.get("3:{id}"), ids.get("3:{id,note}"), ids.get("4:{id}")), "{3,4}",
                        "{2,1}"),
                List.of(barriersOnly, "{}", "{3}", "{1}"));
    }

    @Test
    void recordsTheAfterImageBytesPerTableOfTheCommittedPartsOnly(PostgresDatabase database) throws Exception {
        int sourceId = freshCatalogue(database);
        BinlogPosition at = new BinlogPosition("mysql-bin.000001", 4);
        ImageLayout items = new ImageLayout(3, List.of("id", "name"), List.of("id"));
        ImageLayout tags = new ImageLayout(4, List.of("id", "label"), List.of("id"));
        byte[] tea = TextArrayImage.of("1", "tea");
        byte[] greenTea = TextArrayImage.of("1", "green tea");
        byte[] red = TextArrayImage.of("1", "red");
        byte[] lost = TextArrayImage.of("2", "x".repeat(5_000));
        long batch;
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            batch = writer.openBatch(at, 0);
            writer.appendRows(batch, 1, List.of(LoggedChange.row(items, RowOperation.INSERT, at, 0, null, tea),
                    LoggedChange.row(tags, RowOperation.INSERT, at, 0, null, red)));
            writer.commit(false);
            writer.appendRows(batch, 3, List.of(LoggedChange.row(items, RowOperation.INSERT, at, 0, null, lost),
                    LoggedChange.row(tags, RowOperation.INSERT, at, 0, null, lost)));
            writer.rollback();
            writer.appendRows(batch, 3, List.of(
                    LoggedChange.row(items, RowOperation.UPDATE, at, 0, TextArrayImage.of("1"), greenTea),
                    LoggedChange.row(tags, RowOperation.DELETE, at, 0, TextArrayImage.of("1"), null),
                    LoggedChange.truncate(5, at, 0)));
            writer.completeBatch(batch, at, 1, 5, 0);
            writer.commit(true);
        }

        // deletes and truncates add no bytes; the rolled-back part is not counted
        assertThat(database.queryForList("SELECT table_ids::text, table_rows::text, table_image_bytes::text FROM "
                + CATALOGUE + ".log_batch WHERE batch_id = " + batch)).containsExactly(List.of("{3,4,5}", "{2,2,1}",
                "{" + (tea.length + greenTea.length) + "," + red.length + ",0}"));
    }

    private static LoggedChange insert(ImageLayout layout, BinlogPosition at) {
        return LoggedChange.row(layout, RowOperation.INSERT, at, 0, null,
                TextArrayImage.of(layout.columnNames().stream().map(name -> "1").toArray(String[]::new)));
    }

    /** The ids as a PostgreSQL integer array, in order. */
    private static String sorted(Integer... ids) {
        return "{" + Arrays.stream(ids).sorted().map(String::valueOf).collect(Collectors.joining(",")) + "}";
    }

    /** A new catalogue with source "shop" registered; returns its id. */
    private static int freshCatalogue(PostgresDatabase database) throws Exception {
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.create();
            return new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop", "shop")).id();
        }
    }
}
