package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign key with an action declared by replicated DDL (CREATE TABLE, ALTER TABLE ADD FOREIGN KEY) gets its
 * cascade triggers with the statement, and loses them with ALTER TABLE DROP FOREIGN KEY.
 */
@RealServers
class CascadeDdlReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void keysDeclaredAndDroppedByDdlActAsOnTheSource(MariaDbDatabase source, PostgresDatabase target,
            @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(40))",
                "CREATE TABLE marker (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).write(home, "cascade-ddl").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("CREATE TABLE books (id INT PRIMARY KEY, author_id INT NOT NULL,"
                            + " CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)"
                            + " ON DELETE CASCADE)",
                    "CREATE TABLE tags (id INT PRIMARY KEY, author_id INT)",
                    "ALTER TABLE tags ADD CONSTRAINT tags_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)"
                            + " ON DELETE SET NULL",
                    "INSERT INTO authors VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')",
                    "INSERT INTO books VALUES (10, 1), (20, 2), (30, 3)",
                    "INSERT INTO tags VALUES (1, 1), (2, 2), (3, 3)",
                    "DELETE FROM authors WHERE id = 1", // book 10 deleted, tag 1 set to NULL
                    "INSERT INTO marker VALUES (1)");
            // the reader reads the keys a statement declares when it meets it: once this is replayed, it has
            awaitAndCompare(source, target, 1);
            source.execute("ALTER TABLE tags DROP FOREIGN KEY tags_author_fk",
                    "DELETE FROM authors WHERE id = 3", // book 30 deleted; tag 3 keeps its 3 (no key any more)
                    "INSERT INTO marker VALUES (2)");
            awaitAndCompare(source, target, 2);
            assertThat(replica.failure()).isNull();
            assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.replay_error"))
                    .containsExactly(List.of(0L));
        }
    }

    private static void awaitAndCompare(MariaDbDatabase source, PostgresDatabase target, int marker) {
        Eventually.equals(List.of(List.of(marker)), () -> target.queryForList("SELECT max(id) FROM shop.marker"),
                DEADLINE);
        for (String table : List.of("authors", "books", "tags")) {
            assertThat(TableContents.ofTarget(target, "shop", table)).as(table + " after marker " + marker)
                    .isEqualTo(TableContents.ofSource(source, table));
        }
    }
}
