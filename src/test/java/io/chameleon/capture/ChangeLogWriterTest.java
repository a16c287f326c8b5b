package io.chameleon.capture;

import io.chameleon.catalog.Catalogue;
import io.chameleon.catalog.SourceRepository;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reader's COPY stores in the change log is exactly what it was handed, field by field. */
@RealServers
class ChangeLogWriterTest {

    private static final String CATALOGUE = "writer_cat";

    @Test
    void storesEveryFieldOfRowsTruncatesAndSchemaChangesAsGiven(PostgresDatabase database) throws Exception {
        long batchId;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.create();
            int sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop", "shop")).id();
            long commitMillis = Instant.parse("2026-12-04T10:15:30.123Z").toEpochMilli();
            BinlogPosition start = new BinlogPosition("mysql-bin.000007", 4);
            // images with what text COPY would have had to escape: backslashes, tabs, newlines, non-ASCII
            byte[] after = utf8("{\"id\": \"7\", \"note\": \"tab\\there\\nnew line \\\\ ü😀\", \"raw\": \"\\\\x00ff\"}");
            byte[] key = utf8("{\"id\": \"7\"}");
            try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
                batchId = writer.openBatch(start, commitMillis);
                writer.appendRows(batchId, 1, List.of(
                        new LoggedChange(3, RowOperation.INSERT, new BinlogPosition("mysql-bin.000007", 120),
                                commitMillis, null, after),
                        new LoggedChange(3, RowOperation.UPDATE, new BinlogPosition("mysql-bin.000008", 4_000_000_000L),
                                commitMillis, key, after),
                        new LoggedChange(3, RowOperation.DELETE, new BinlogPosition("mysql-bin.000008", 5), 0, key, null),
                        new LoggedChange(3, RowOperation.TRUNCATE, new BinlogPosition("mysql-bin.000008", 6), 0,
                                null, null)));
                writer.appendRows(batchId, 5, List.of(LoggedChange.schemaChange(4, new BinlogPosition(
                        "mysql-bin.000008", 7), commitMillis, "ALTER TABLE \"shop\".\"t\"\n\tADD COLUMN \"é\" text")));
                writer.completeBatch(batchId, new BinlogPosition("mysql-bin.000008", 8), 5, 5, commitMillis);
                writer.commit(true);
            }
        }

        assertThat(database.queryForList("SELECT event_seq, table_id, operation, binlog_file, binlog_position,"
                + " to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), row_before::text,"
                + " row_after ->> 'note', row_after ->> 'raw', ddl FROM " + CATALOGUE + ".change_log"
                + " WHERE batch_id = " + batchId + " ORDER BY event_seq")).containsExactly(
                Arrays.asList(1, 3, "I", "mysql-bin.000007", 120L, "2026-12-04 10:15:30.123000", null,
                        "tab\there\nnew line \\ ü😀", "\\x00ff", null),
                Arrays.asList(2, 3, "U", "mysql-bin.000008", 4_000_000_000L, "2026-12-04 10:15:30.123000", "{\"id\": \"7\"}",
                        "tab\there\nnew line \\ ü😀", "\\x00ff", null),
                Arrays.asList(3, 3, "D", "mysql-bin.000008", 5L, null, "{\"id\": \"7\"}", null, null, null),
                Arrays.asList(4, 3, "T", "mysql-bin.000008", 6L, null, null, null, null, null),
                Arrays.asList(5, 4, "S", "mysql-bin.000008", 7L, "2026-12-04 10:15:30.123000", null, null,
                        null, "ALTER TABLE \"shop\".\"t\"\n\tADD COLUMN \"é\" text"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
