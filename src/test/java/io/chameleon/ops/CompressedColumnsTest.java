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
 * MariaDB's compressed columns, copied and streamed. Their binlog types (140, 141) were unknown to the binlog
 * library: the first TABLE_MAP of such a table, in any database, stopped the whole replica.
 */
@RealServers
class CompressedColumnsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String ROWS = "SELECT id, md5(coalesce(body, '-')), octet_length(body), v,"
            + " md5(coalesce(b, ''::bytea)), length(b) FROM packed_s.packed ORDER BY id";

    @Test
    void compressedColumnsAreCopiedAndStreamed(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home)
            throws Exception {
        source.execute("CREATE TABLE packed (id INT PRIMARY KEY, body TEXT COMPRESSED, v VARCHAR(300) COMPRESSED,"
                        + " b BLOB COMPRESSED=zlib)",
                "INSERT INTO packed VALUES (1, REPEAT('copied ü ', 2000), 'short', REPEAT(X'00FF', 3000))");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_packed").set("PG_SCHEMA", "packed_s")
                .write(home, "packed").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute(
                    // compressible, too short to compress (stored as is), empty, NULL
                    "INSERT INTO packed VALUES (2, REPEAT('streamed 😀 ', 4000), REPEAT('v', 300),"
                            + " UNHEX(REPEAT('AB', 40000)))",
                    "INSERT INTO packed VALUES (3, 'x', 'y', X'01'), (4, '', '', ''), (5, NULL, NULL, NULL)",
                    "UPDATE packed SET body = CONCAT(body, ' and updated'), v = 'changed' WHERE id IN (1, 2)",
                    "SET SESSION column_compression_zlib_wrap = ON",
                    "INSERT INTO packed VALUES (6, REPEAT('wrapped zlib ', 3000), 'w', REPEAT(X'AA', 9000))",
                    "ALTER TABLE packed ADD COLUMN extra MEDIUMTEXT COMPRESSED",
                    "INSERT INTO packed (id, body, extra) VALUES (7, 'after the alter', REPEAT('e', 100000))");

            Eventually.equals(source.queryForList("SELECT id, md5(coalesce(body, '-')), length(body), v,"
                            + " md5(coalesce(b, '')), length(b) FROM packed ORDER BY id").stream()
                            .map(CompressedColumnsTest::normalised).toList(),
                    () -> target.queryForList(ROWS).stream().map(CompressedColumnsTest::normalised).toList(), DEADLINE);
            assertThat(target.queryForList("SELECT length(extra) FROM packed_s.packed WHERE id = 7"))
                    .containsExactly(List.of(100000));
            assertThat(replica.failure()).isNull();
        }
    }

    /** Numbers of either driver as longs, the rest as text. */
    private static List<String> normalised(List<Object> row) {
        return row.stream().map(value -> value == null ? null : value instanceof Number n
                ? Long.toString(n.longValue()) : value.toString()).toList();
    }
}
