package io.chameleon.ops;

import io.chameleon.cutover.CutOverReport;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * InnoDB does not log the child rows its foreign key actions change; the triggers installed after the copy apply
 * them in PostgreSQL during replication, and detach_replica replaces them by the real foreign keys.
 */
@RealServers
class CascadeReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("authors", "books", "reviews", "tags");

    @Test
    void cascadedChangesAreReplicatedAndDetachLeavesOnlyTheRealKeys(MariaDbDatabase source, PostgresDatabase target,
            @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE authors (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE,"
                        + " name VARCHAR(40))",
                "CREATE TABLE books (id INT PRIMARY KEY, author_id INT NOT NULL, title VARCHAR(40),"
                        + " CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)"
                        + " ON DELETE CASCADE)",
                "CREATE TABLE reviews (id INT PRIMARY KEY, book_id INT, stars INT,"
                        + " CONSTRAINT reviews_book_fk FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE SET NULL)",
                "CREATE TABLE tags (id INT PRIMARY KEY, author_code VARCHAR(10), label VARCHAR(20),"
                        + " CONSTRAINT tags_author_fk FOREIGN KEY (author_code) REFERENCES authors (code)"
                        + " ON UPDATE CASCADE ON DELETE SET NULL)",
                "CREATE TABLE notes (id INT PRIMARY KEY, author_id INT, CONSTRAINT notes_author_fk FOREIGN KEY"
                        + " (author_id) REFERENCES authors (id) ON DELETE CASCADE)",
                "CREATE TABLE marker (id INT PRIMARY KEY)",
                "INSERT INTO authors VALUES (1, 'A1', 'ada'), (2, 'A2', 'grace'), (3, 'A3', 'edsger')",
                "INSERT INTO books VALUES (10, 1, 'b10'), (11, 1, 'b11'), (20, 2, 'b20'), (30, 3, 'b30')",
                "INSERT INTO reviews VALUES (100, 10, 5), (101, 11, 4), (200, 20, 3), (300, 30, 1)",
                "INSERT INTO tags VALUES (1, 'A1', 't1'), (2, 'A2', 't2'), (3, 'A3', 't3')",
                "INSERT INTO notes VALUES (1, 1)");
        String config = TestConfig.between(source, target).write(home, "cascade").toString();
        ReplicaHarness replica = ReplicaHarness.initAndStart(config, target);

        // an update of a parent's other columns must not touch its children (replay deletes and re-inserts it)
        source.execute("DROP TABLE notes", // replicated: its trigger on authors finds no table and does nothing
                "UPDATE authors SET name = 'grace h' WHERE id = 2",
                "DELETE FROM authors WHERE id = 1", // books 10, 11 deleted; reviews 100, 101 and tag 1 set to NULL
                "UPDATE authors SET code = 'B2' WHERE id = 2", // tag 2 follows
                "DELETE FROM books WHERE id = 30", // review 300 set to NULL
                "INSERT INTO books VALUES (40, 3, 'b40')",
                // children deleted by the application first (as MySQL 9.7's SQL-layer keys log them): the trigger
                // then finds nothing left to do, and nothing fails
                "INSERT INTO authors VALUES (4, 'A4', 'barbara')",
                "INSERT INTO books VALUES (50, 4, 'b50')",
                "BEGIN",
                "DELETE FROM books WHERE author_id = 4",
                "DELETE FROM authors WHERE id = 4",
                "COMMIT",
                "INSERT INTO reviews VALUES (400, 40, 2)",
                // a parent that lives and dies within one transaction never reaches PostgreSQL: its children do,
                // and the trigger on the child table removes them at commit
                "BEGIN",
                "INSERT INTO authors VALUES (6, 'A6', 'short-lived')",
                "INSERT INTO books VALUES (60, 6, 'b60')",
                "INSERT INTO reviews VALUES (600, 60, 1)",
                "DELETE FROM authors WHERE id = 6",
                "COMMIT",
                "INSERT INTO marker VALUES (1)");
        Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM shop.marker"), DEADLINE);
        assertThat(target.queryForList("SELECT to_regclass('shop.notes') IS NULL")).containsExactly(List.of(true));

        for (String table : TABLES) {
            assertThat(TableContents.ofTarget(target, "shop", table)).as(table)
                    .isEqualTo(TableContents.ofSource(source, table));
        }
        assertThat(replica.failure()).isNull();
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.replay_error"))
                .containsExactly(List.of(0L));

        StringWriter printed = new StringWriter();
        CutOverReport report = ReplicaHarness.detach(config, replica, printed, false);
        assertThat(report.render()).contains("foreign keys: 3 created and validated, 0 NOT VALID");
        // one on the parent per key with an action, one on the child per key with only an ON DELETE action; the
        // two of notes_author_fk stay until a copy or the detach (the child was dropped by replicated DDL)
        assertThat(printed.toString()).contains("Dropped 7 functions (with their triggers) that applied foreign key");
        assertThat(target.queryForList("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"))
                .containsExactly(List.of(0L));
        assertThat(target.queryForList("SELECT count(*) FROM pg_proc WHERE proname LIKE 'chameleon_fk%'"))
                .containsExactly(List.of(0L));
        // the real keys act once, natively
        target.execute("DELETE FROM shop.authors WHERE id = 3");
        assertThat(target.queryForList("SELECT id FROM shop.books ORDER BY id")).containsExactly(List.of(20));
        assertThat(target.queryForList("SELECT id, book_id FROM shop.reviews WHERE id = 400"))
                .containsExactly(java.util.Arrays.asList(400, null));
    }
}
