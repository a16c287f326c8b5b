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
 * Child rows that already had no parent in MySQL (written with foreign_key_checks = 0) are kept when replay
 * rewrites them: the copy leaves out the orphans trigger of such a key, which would apply ON DELETE to them.
 */
@RealServers
class CascadeOrphansTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void childRowsWithoutParentInMySqlSurviveTheirUpdates(MariaDbDatabase source, PostgresDatabase target,
                                                          @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(40))",
                "CREATE TABLE books (id INT PRIMARY KEY, author_id INT, title VARCHAR(40),"
                        + " CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)"
                        + " ON DELETE CASCADE)",
                "CREATE TABLE marker (id INT PRIMARY KEY)",
                "INSERT INTO authors VALUES (1, 'ada')",
                "SET SESSION foreign_key_checks = 0",
                "INSERT INTO books VALUES (10, 1, 'kept'), (20, 99, 'orphan')");
        String config = TestConfig.between(source, target).write(home, "cascade-orphans").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("UPDATE books SET title = 'orphan, updated' WHERE id = 20",
                    "DELETE FROM authors WHERE id = 1", // book 10 deleted by InnoDB, not logged
                    "INSERT INTO marker VALUES (1)");
            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT max(id) FROM shop.marker"),
                    DEADLINE);
            for (String table : List.of("authors", "books")) {
                assertThat(TableContents.ofTarget(target, "shop", table)).as(table)
                        .isEqualTo(TableContents.ofSource(source, table));
            }
            assertThat(target.queryForList("SELECT title FROM shop.books")).containsExactly(List.of("orphan, updated"));
            assertThat(replica.failure()).isNull();
        }
    }
}
