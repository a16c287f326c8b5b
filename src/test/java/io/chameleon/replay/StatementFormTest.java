package io.chameleon.replay;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.replay.NetEffectStatement.Form;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static io.chameleon.replay.ChangeLogFixture.CATALOGUE;
import static io.chameleon.replay.ChangeLogFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table's statement carries the images through its sort when their average size is known and small, and fetches
 * them from the change log otherwise; the size comes from the batch summaries, or from the change log when the chunk
 * counts its rows there. The form shows in the statement replay_error records for a row the target refuses.
 */
@RealServers
class StatementFormTest {

    private static final ReplaySettings CONTINUE = new ReplaySettings(10_000, ErrorPolicy.CONTINUE,
            Duration.ofSeconds(1));
    /** Well past the threshold, and below the size at which PostgreSQL would compress the stored image. */
    private static final String BIG = letters(1_000);

    private final PostgresDatabase database;
    private ChangeLogFixture log;
    private int notes;

    StatementFormTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshCatalogue() throws SQLException {
        log = new ChangeLogFixture(database).fresh("shop");
        database.execute("CREATE TABLE shop.notes (id int PRIMARY KEY, body text CHECK (body <> 'refused'))");
        notes = log.table("shop", "notes", "id");
    }

    @AfterEach
    void close() throws SQLException {
        log.close();
    }

    @Test
    void theFormFollowsTheAverageAfterImageSize() {
        assertThat(Form.forImages(null, 10)).isEqualTo(Form.NARROW);
        assertThat(Form.forImages(0L, 0)).isEqualTo(Form.NARROW);
        assertThat(Form.forImages(0L, 10)).isEqualTo(Form.CARRIED);
        assertThat(Form.forImages(10 * NetEffectStatement.CARRY_IMAGES_BELOW_BYTES - 1, 10)).isEqualTo(Form.CARRIED);
        assertThat(Form.forImages(10 * NetEffectStatement.CARRY_IMAGES_BELOW_BYTES, 10)).isEqualTo(Form.NARROW);
    }

    @Test
    void smallImagesRecordedInTheSummariesAreCarried() throws SQLException {
        log.batch().insert(notes, row("id", "1", "body", "tea")).insert(notes, row("id", "2", "body", "refused"))
                .commit();

        assertThat(replayedForm()).isEqualTo(Form.CARRIED);
    }

    @Test
    void bigImagesRecordedInTheSummariesAreFetched() throws SQLException {
        log.batch().insert(notes, row("id", "1", "body", BIG)).insert(notes, row("id", "2", "body", "refused"))
                .commit();

        assertThat(replayedForm()).isEqualTo(Form.NARROW);
    }

    @Test
    void theSizeIsTheSummariesNotTheRows() throws SQLException {
        log.batch().insert(notes, row("id", "1", "body", "tea")).insert(notes, row("id", "2", "body", "refused"))
                .commit();
        database.execute("UPDATE " + CATALOGUE + ".log_batch SET table_image_bytes = '{1000000}'");

        assertThat(replayedForm()).isEqualTo(Form.NARROW);
    }

    @Test
    void deletesCountAsRowsWithoutImages() throws SQLException {
        // about 1,070 bytes of after images over 8 row events: about 130 bytes each (about 540 without the deletes)
        log.batch().insert(notes, row("id", "1", "body", BIG)).insert(notes, row("id", "2", "body", "refused"))
                .delete(notes, row("id", "3")).delete(notes, row("id", "4")).delete(notes, row("id", "5"))
                .delete(notes, row("id", "6")).delete(notes, row("id", "7")).delete(notes, row("id", "8")).commit();

        assertThat(replayedForm()).isEqualTo(Form.CARRIED);
    }

    @Test
    void aSummaryWithoutImageBytesLeavesTheSizeUnknownAndTheImagesAreFetched() throws SQLException {
        log.batch().insert(notes, row("id", "1", "body", "tea")).commit();
        log.batch().withoutImageBytes().insert(notes, row("id", "2", "body", "refused")).commit();

        assertThat(replayedForm()).isEqualTo(Form.NARROW);
    }

    @Test
    void aChunkCountedInTheChangeLogMeasuresItsImagesThere() throws SQLException {
        log.batch().withoutSummary().insert(notes, row("id", "1", "body", "tea")).commit();
        log.batch().withoutSummary().insert(notes, row("id", "2", "body", "refused")).commit();
        assertThat(replayedForm()).isEqualTo(Form.CARRIED);

        close();
        freshCatalogue();
        // a truncate makes the chunk count its segments' rows in the change log, whatever the summaries say
        log.batch().truncate(notes).insert(notes, row("id", "1", "body", BIG))
                .insert(notes, row("id", "2", "body", "refused")).commit();
        database.execute("UPDATE " + CATALOGUE + ".log_batch SET table_image_bytes = '{0}'");
        assertThat(replayedForm()).isEqualTo(Form.NARROW);
    }

    /** Replays everything under on_error_replay: continue; the form of the statement recorded for the refused row. */
    private Form replayedForm() {
        try (ReplayWorker worker = log.worker(CONTINUE)) {
            worker.replayOnce();
        }
        List<String> recorded = ReplayAssertions.rows(database, "SELECT error_message LIKE '%notes_body_check%',"
                + " statement LIKE '%a.upsert, a.image,%',"
                + " statement LIKE '%change_log% c WHERE c.batch_id = n.batch_id%' FROM "
                + CATALOGUE + ".replay_error");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0)).isIn("true|true|false", "true|false|true");
        return recorded.get(0).equals("true|true|false") ? Form.CARRIED : Form.NARROW;
    }

    /** Letters that do not repeat in a pattern PostgreSQL's compression would shrink. */
    private static String letters(int length) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
