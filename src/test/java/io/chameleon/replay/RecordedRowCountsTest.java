package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk without truncates or schema changes takes its tables, their row counts and layouts from the summaries the
 * reader records with each batch; any other chunk, or one with a batch logged before catalogue version 13, counts its
 * rows in the change log. Some tests make the summaries disagree with the rows, which the reader never does, to show
 * which of the two was read.
 */
@RealServers
class RecordedRowCountsTest {

    private static final ReplaySettings SETTINGS = new ReplaySettings(10_000, ErrorPolicy.EXIT, Duration.ofSeconds(1));

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int items;
    private int tags;
    private int archive;

    RecordedRowCountsTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database);
        freshShop();
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @Test
    void aChunkWithoutBarriersIsAppliedAndCountedAsWhenItsRowsWereCounted() throws SQLException {
        logTwoBatchesOfThreeTables(true);
        List<String> fromSummaries = replayedState();

        freshShop();
        logTwoBatchesOfThreeTables(false);
        List<String> fromRows = replayedState();

        assertThat(fromSummaries).containsExactly(
                "result 2 batches, 6 rows, 0 ddl, 2 skipped",
                "items|4", "tags|2", "archive|0",
                "item 1|green tea", "tag 1|red", "tag 2|blue");
        assertThat(fromRows).isEqualTo(fromSummaries);
    }

    @Test
    void theCountsOfABarrierFreeChunkComeFromTheBatchSummaries() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "tea")).insert(items, row("id", "2", "name", "milk")).commit();
        inflateSummaries();

        assertThat(replayedState()).containsExactly("result 1 batches, 100 rows, 0 ddl, 0 skipped",
                "items|100", "tags|0", "archive|0", "item 1|tea", "item 2|milk");
    }

    @Test
    void aChunkWithATruncateCountsItsRowsInTheChangeLog() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "tea")).insert(items, row("name", "milk", "id", "2"))
                .insert(tags, row("id", "1", "label", "red")).commit();
        log.batch().truncate(items).insert(items, row("id", "3", "name", "rice"))
                .update(tags, row("id", "1"), row("id", "1", "label", "green")).commit();
        inflateSummaries();

        // the truncate counts as one change of items, as show_status has always counted it
        assertThat(replayedState()).containsExactly("result 2 batches, 6 rows, 0 ddl, 0 skipped",
                "items|4", "tags|2", "archive|0", "item 3|rice", "tag 1|green");
    }

    @Test
    void aChunkWithASchemaChangeCountsItsRowsInTheChangeLog() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "tea")).commit();
        log.batch().ddl(items, "ALTER TABLE shop.items ADD COLUMN note text")
                .insert(items, row("id", "2", "name", "milk", "note", "fresh"))
                .update(items, row("id", "1"), row("id", "1", "name", "green tea", "note", "loose")).commit();
        inflateSummaries();

        assertThat(replayedState()).containsExactly("result 2 batches, 3 rows, 1 ddl, 0 skipped",
                "items|3", "tags|0", "archive|0", "item 1|green tea", "item 2|milk");
        assertThat(ReplayAssertions.rows(database, "SELECT id, note FROM shop.items ORDER BY id"))
                .containsExactly("1|loose", "2|fresh");
    }

    @Test
    void aChunkWithBatchesLoggedBeforeTheirSummariesCountsItsRowsInTheChangeLog() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "tea")).insert(tags, row("id", "1", "label", "red")).commit();
        log.batch().withoutLayouts().update(items, row("id", "1"), row("id", "1", "name", "green tea")).commit();
        log.batch().withoutSummary().insert(tags, row("label", "blue", "id", "2")).commit();
        inflateSummaries();

        assertThat(replayedState()).containsExactly("result 3 batches, 4 rows, 0 ddl, 0 skipped",
                "items|2", "tags|2", "archive|0", "item 1|green tea", "tag 1|red", "tag 2|blue");
        assertThat(ReplayAssertions.rows(database, "SELECT layout_ids IS NULL, table_ids IS NULL FROM " + CATALOGUE
                + ".log_batch ORDER BY batch_id")).containsExactly("false|false", "true|false", "true|true");
    }

    @Test
    void aSummaryListingALayoutTheCatalogueNoLongerHasFallsBackToTheChangeLog() throws SQLException {
        log.batch().insert(items, row("id", "1", "name", "tea")).insert(tags, row("id", "1", "label", "red"))
                .insert(tags, row("id", "2", "label", "blue")).commit();
        // tags taken out of the catalogue while its changes were pending (as when its schema mapping is removed)
        database.execute("DELETE FROM " + CATALOGUE + ".row_layout WHERE table_id = " + tags,
                "DELETE FROM " + CATALOGUE + ".replicated_table WHERE table_id = " + tags);
        inflateSummaries();

        try (ReplayWorker worker = log.worker(SETTINGS)) {
            assertThat(worker.replayOnce()).isEqualTo(new ReplayResult(1, 1, 0, 2));
        }
        assertThat(ReplayAssertions.rows(database, "SELECT id, name FROM shop.items")).containsExactly("1|tea");
    }

    private void freshShop() throws SQLException {
        log.fresh("shop");
        database.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)",
                "CREATE TABLE shop.tags (id int PRIMARY KEY, label text)",
                "CREATE TABLE shop.archive (id int PRIMARY KEY)");
        items = log.table("shop", "items", "id");
        tags = log.table("shop", "tags", "id");
        archive = log.table("shop", "archive", "id");
        // switched off, as after a failure under on_error_replay: continue; its rows are skipped
        database.execute("UPDATE " + CATALOGUE + ".replicated_table SET replica_enabled = false WHERE table_id = "
                + archive);
    }

    /** Two batches of one chunk: items in two layouts, tags, and rows of the switched-off archive. */
    private void logTwoBatchesOfThreeTables(boolean summaries) throws SQLException {
        ChangeLogFixture.Batch first = log.batch().insert(items, row("id", "1", "name", "tea"))
                .insert(items, row("name", "milk", "id", "2")).insert(tags, row("id", "1", "label", "red"))
                .insert(archive, row("id", "1"));
        ChangeLogFixture.Batch second = log.batch().update(items, row("id", "1"), row("id", "1", "name", "green tea"))
                .delete(items, row("id", "2")).insert(tags, row("label", "blue", "id", "2"))
                .insert(archive, row("id", "2"));
        if (!summaries) {
            first.withoutSummary();
            second.withoutSummary();
        }
        first.commit();
        second.commit();
    }

    /** Every table of every recorded batch summary says 100 row changes. */
    private void inflateSummaries() {
        database.execute("UPDATE " + CATALOGUE + ".log_batch"
                + " SET table_rows = array_fill(100, ARRAY[cardinality(table_ids)]) WHERE table_ids IS NOT NULL");
    }

    /** Replays everything in one chunk: its result, then applied changes per table, then the target's rows. */
    private List<String> replayedState() {
        ReplayResult result;
        try (ReplayWorker worker = log.worker(SETTINGS)) {
            result = worker.replayOnce();
            assertThat(worker.replayOnce().idle()).isTrue();
        }
        List<String> state = new ArrayList<>();
        state.add("result " + result.batches() + " batches, " + result.rows() + " rows, " + result.ddl() + " ddl, "
                + result.skipped() + " skipped");
        state.addAll(ReplayAssertions.rows(database, "SELECT table_name, applied_changes FROM " + CATALOGUE
                + ".replicated_table ORDER BY table_id"));
        state.addAll(ReplayAssertions.rows(database, "SELECT 'item ' || id, name FROM shop.items ORDER BY id"));
        state.addAll(ReplayAssertions.rows(database, "SELECT 'tag ' || id, label FROM shop.tags ORDER BY id"));
        return state;
    }
}
