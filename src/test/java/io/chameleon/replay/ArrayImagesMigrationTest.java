package io.chameleon.replay;

import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue version 8 turns the jsonb images of rows logged before the upgrade, and not replayed yet, into text
 * arrays with row layouts; replay then applies them as the old build would have.
 */
@RealServers
class ArrayImagesMigrationTest {

    private static final String CATALOGUE = "upgrade_cat";

    @Test
    void pendingJsonbImagesReplayAfterTheUpgrade(PostgresDatabase database) throws Exception {
        int sourceId;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.migrateTo(7);
            sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop_db", "shop")).id();
            database.execute("DROP SCHEMA IF EXISTS shop CASCADE", "CREATE SCHEMA shop",
                    "CREATE TABLE shop.docs (id int PRIMARY KEY, doc jsonb, note varchar(20), code char(3))",
                    "INSERT INTO shop.docs VALUES (9, '{}', 'copied', 'c9')",
                    "CREATE TABLE shop.pairs (a int, b text, v text, PRIMARY KEY (a, b))",
                    "INSERT INTO " + CATALOGUE + ".replicated_table (source_id, origin_schema, table_name,"
                            + " destination_schema, key_columns) VALUES (" + sourceId + ", 'shop_db', 'docs', 'shop',"
                            + " '{id}'), (" + sourceId + ", 'shop_db', 'pairs', 'shop', '{a,b}')",
                    "INSERT INTO " + CATALOGUE + ".log_batch (source_id, start_binlog_file, start_binlog_position,"
                            + " end_binlog_file, end_binlog_position, transaction_count, row_count, complete)"
                            + " VALUES (" + sourceId + ", 'mysql-bin.000001', 4, 'mysql-bin.000001', 900, 1, 7, true)");
            c.setAutoCommit(false);
            new ChangeLogPartitions(CATALOGUE).ensurePartitionFor(c, 1);
            c.commit();
            c.setAutoCommit(true);
        }
        String docs = "(SELECT table_id FROM " + CATALOGUE + ".replicated_table WHERE table_name = 'docs')";
        String pairs = "(SELECT table_id FROM " + CATALOGUE + ".replicated_table WHERE table_name = 'pairs')";
        // images as the version 7 reader wrote them: texts as JSON strings, json documents as they are
        database.execute("INSERT INTO " + CATALOGUE + ".change_log (batch_id, event_seq, table_id, operation,"
                + " binlog_file, binlog_position, row_before, row_after) VALUES"
                + " (1, 1, " + docs + ", 'I', 'mysql-bin.000001', 100, NULL,"
                + "  '{\"id\": \"1\", \"doc\": {\"a\": [1, \"ü\"]}, \"note\": \"{\\\"not\\\": 1}\", \"code\": \"ab\"}'),"
                + " (1, 2, " + docs + ", 'I', 'mysql-bin.000001', 200, NULL,"
                + "  '{\"id\": \"2\", \"doc\": \"a bare string\", \"note\": null, \"code\": \"cd\"}'),"
                + " (1, 3, " + docs + ", 'I', 'mysql-bin.000001', 300, NULL,"
                + "  '{\"id\": \"3\", \"doc\": 5, \"note\": \"{\\\"not\\\": 1}\", \"code\": \"x\"}'),"
                + " (1, 4, " + docs + ", 'U', 'mysql-bin.000001', 400, '{\"id\": \"1\"}',"
                + "  '{\"id\": \"4\", \"doc\": [true, null], \"note\": \"moved\", \"code\": \"ab\"}'),"
                + " (1, 5, " + docs + ", 'D', 'mysql-bin.000001', 500, '{\"id\": \"9\"}', NULL),"
                + " (1, 6, " + pairs + ", 'I', 'mysql-bin.000001', 600, NULL,"
                + "  '{\"a\": \"1\", \"b\": \"x\", \"v\": \"first\"}'),"
                + " (1, 7, " + pairs + ", 'U', 'mysql-bin.000001', 700, '{\"a\": \"1\", \"b\": \"x\"}',"
                + "  '{\"a\": \"1\", \"b\": \"x\", \"v\": \"second\"}')");

        try (Connection c = database.connect()) {
            new Catalogue(c, CATALOGUE, "test").upgrade();
        }
        assertThat(ReplayAssertions.rows(database, "SELECT event_seq || ' ' || l.column_names::text || ' '"
                + " || l.key_columns::text || ' ' || coalesce(row_before::text, '-') || ' ' || coalesce(row_after::text, '-')"
                + " FROM " + CATALOGUE + ".change_log c JOIN " + CATALOGUE + ".row_layout l USING (layout_id)"
                + " WHERE event_seq IN (2, 5, 7) ORDER BY event_seq")).containsExactly(
                // jsonb orders keys by length, then bytes
                "2 {id,doc,code,note} {} - {2,\"\\\"a bare string\\\"\",cd,NULL}",
                "5 {id} {id} {9} -",
                "7 {a,b,v} {a,b} {1,x} {1,x,second}");

        try (ReplayWorker worker = new ReplayWorker(database::connect, CATALOGUE, sourceId,
                new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofMinutes(1)))) {
            worker.replayOnce();
        }
        assertThat(ReplayAssertions.rows(database, "SELECT concat_ws('|', id, doc, coalesce(note, '-'), code)"
                + " FROM shop.docs ORDER BY id")).containsExactly(
                "2|\"a bare string\"|-|cd ",
                "3|5|{\"not\": 1}|x  ",
                "4|[true, null]|moved|ab ");
        assertThat(ReplayAssertions.rows(database, "SELECT concat_ws('|', a, b, v) FROM shop.pairs"))
                .containsExactly("1|x|second");
        assertThat(ReplayAssertions.count(database, "SELECT count(*) FROM " + CATALOGUE + ".replay_error")).isZero();
        assertThat(List.of(ReplayAssertions.count(database, "SELECT count(*) FROM " + CATALOGUE
                + ".log_batch WHERE replayed_at IS NULL"))).containsExactly(0L);

        // a partition created after the upgrade (the parent keeps the dropped jsonb columns) takes array rows
        try (Connection c = database.connect()) {
            new RowLayoutRepository(c, CATALOGUE).idOf((int) ReplayAssertions.count(database, "SELECT " + docs),
                    List.of("id", "doc", "note", "code"), List.of("id"));
            database.execute("INSERT INTO " + CATALOGUE + ".log_batch (batch_id, source_id, start_binlog_file,"
                    + " start_binlog_position, end_binlog_file, end_binlog_position, transaction_count, row_count,"
                    + " complete) OVERRIDING SYSTEM VALUE VALUES (" + (ChangeLogPartitions.BATCHES_PER_PARTITION + 1)
                    + ", " + sourceId
                    + ", 'mysql-bin.000001', 900, 'mysql-bin.000001', 1000, 1, 1, true)");
            c.setAutoCommit(false);
            new ChangeLogPartitions(CATALOGUE).ensurePartitionFor(c, ChangeLogPartitions.BATCHES_PER_PARTITION + 1);
            c.commit();
        }
        database.execute("INSERT INTO " + CATALOGUE + ".change_log (batch_id, event_seq, table_id, operation,"
                + " binlog_file, binlog_position, layout_id, row_before, row_after) SELECT "
                + (ChangeLogPartitions.BATCHES_PER_PARTITION + 1) + ", 1, " + docs + ", 'U', 'mysql-bin.000001', 950,"
                + " layout_id, '{3}', '{3,\"{\\\"after\\\": \\\"upgrade\\\"}\",NULL,yz}' FROM " + CATALOGUE
                + ".row_layout WHERE column_names = '{id,doc,note,code}' AND key_columns = '{id}'");
        try (ReplayWorker worker = new ReplayWorker(database::connect, CATALOGUE, sourceId,
                new ReplaySettings(100, ErrorPolicy.EXIT, Duration.ofMinutes(1)))) {
            worker.replayOnce();
        }
        assertThat(ReplayAssertions.rows(database, "SELECT concat_ws('|', id, doc, coalesce(note, '-'), code)"
                + " FROM shop.docs WHERE id = 3")).containsExactly("3|{\"after\": \"upgrade\"}|-|yz ");
    }
}
