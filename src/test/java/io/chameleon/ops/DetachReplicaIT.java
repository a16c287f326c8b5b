package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cut-over as an operator runs it: the replica is the packaged application running as its own process, writes
 * go on until {@code detach_replica --yes} starts, and the command stops that process (SIGTERM through its pid file),
 * leaving PostgreSQL equal to the source row by row, ready for inserts without keys, with the foreign keys validated
 * and no trace of the source in the catalogue or in show_status.
 */
@RealServers
class DetachReplicaIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void detachReplicaWhileWritesGoOnUpToItsStart(MariaDbDatabase source, PostgresDatabase target,
                                                  @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE authors (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "CREATE TABLE books (id BIGINT AUTO_INCREMENT PRIMARY KEY, author_id INT NOT NULL,"
                        + " title VARCHAR(60), CONSTRAINT books_author_fk FOREIGN KEY (author_id)"
                        + " REFERENCES authors (id))",
                "CREATE TABLE tags (book_id BIGINT NOT NULL, tag VARCHAR(20) NOT NULL, PRIMARY KEY (book_id, tag),"
                        + " CONSTRAINT tags_book_fk FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE)",
                "INSERT INTO authors (name) VALUES ('borges'), ('calvino')",
                "INSERT INTO books (author_id, title) VALUES (1, 'ficciones'), (2, 'le citta invisibili')");
        Path config = TestConfig.between(source, target).write(home, "detach");
        assertThat(CliRunner.run("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config.toString(), "--source", "shop").exitCode())
                .isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config.toString(), "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();

        try (ReplicaJar replica = ReplicaJar.start(config, home.resolve("replica.log")).awaitRunning(DEADLINE)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger rounds = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> write(source, stop, rounds, failure), "library-writer");
            writer.start();
            Eventually.equals(true, () -> rounds.get() >= 300, DEADLINE);
            stop.set(true);
            writer.join(30_000);
            assertThat(failure.get()).isNull();

            CliRunner.Result detach = CliRunner.run("detach_replica", "--config", config.toString(), "--source",
                    "shop", "--yes", "--timeout", "120");

            System.out.println(detach.out());
            assertThat(detach.exitCode()).as(detach.out() + detach.err()).isZero();
            assertThat(detach.out()).contains("waiting until the replica has applied everything before it",
                    "(pid " + replica.pid() + ") stopped", "Source shop detached", "tables: 3 (3 replicated)",
                    "foreign keys: 2 created and validated, 0 NOT VALID");
            assertThat(replica.awaitExit(DEADLINE)).as("exit status of the stopped replica").isZero();
        }

        for (String table : List.of("authors", "books", "tags")) {
            assertThat(TableContents.ofTarget(target, "shop", table)).as(table)
                    .isEqualTo(TableContents.ofSource(source, table));
        }
        assertThat(target.queryForList("INSERT INTO shop.authors (name) VALUES ('eco') RETURNING id").get(0).get(0))
                .isEqualTo((Integer) source.queryForList("SELECT MAX(id) FROM authors").get(0).get(0) + 1);
        assertThat(target.queryForList("INSERT INTO shop.books (author_id, title) VALUES (1, 'new') RETURNING id")
                .get(0).get(0)).isEqualTo((Long) source.queryForList("SELECT MAX(id) FROM books").get(0).get(0)
                + 1);
        assertThat(target.queryForList("INSERT INTO shop.tags VALUES (1, 'new') RETURNING book_id")).hasSize(1);
        assertThat(target.queryForList("SELECT conname::text, convalidated FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = 'shop'::regnamespace ORDER BY 1"))
                .containsExactly(List.of("books_author_fk", true), List.of("tags_book_fk", true));
        assertThat(target.queryForList("SELECT (SELECT count(*) FROM chameleon_catalogue.source),"
                + " (SELECT count(*) FROM chameleon_catalogue.log_batch),"
                + " (SELECT count(*) FROM chameleon_catalogue.change_log)"))
                .containsExactly(List.of(0L, 0L, 0L));
        CliRunner.Result status = CliRunner.run("show_status", "--config", config.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().filter(l -> l.matches("\\d+\\s+shop\\s.*")).toList()).isEmpty();
        CliRunner.Result again = CliRunner.run("detach_replica", "--config", config.toString(), "--source", "shop",
                "--yes");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("source 'shop' is not registered in the catalogue");
    }

    /** Authors, books and tags inserted and updated in small transactions until told to stop. */
    private static void write(MariaDbDatabase source, AtomicBoolean stop, AtomicInteger rounds,
                              AtomicReference<Throwable> failure) {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            for (int i = 0; !stop.get(); i++) {
                c.setAutoCommit(false);
                st.execute("INSERT INTO authors (name) VALUES ('a" + i + "')");
                st.execute("INSERT INTO books (author_id, title) VALUES (LAST_INSERT_ID(), 'b" + i + "')");
                st.execute("INSERT INTO tags VALUES (LAST_INSERT_ID(), 't" + (i % 5) + "')");
                c.commit();
                c.setAutoCommit(true);
                // bounded: the writer runs on until told to stop, however many rounds a fast machine makes
                st.execute("UPDATE books SET title = CONCAT(LEFT(title, 50), '+') WHERE id = " + (1 + i % 11));
                if (i % 20 == 10) {
                    st.execute("DELETE FROM tags WHERE tag = 't0' AND book_id < " + i);
                }
                rounds.incrementAndGet();
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
