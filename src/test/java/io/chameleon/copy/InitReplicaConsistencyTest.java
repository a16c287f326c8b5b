package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * init_replica while the source is being written: each table's copy must be exactly its state at the table's
 * recorded copy coordinates, which is what lets the stream resume each table from there without gaps or
 * duplicates.
 */
@RealServers
class InitReplicaConsistencyTest {

    private static final int SEED_ROWS = 50_000;
    private static final List<String> TABLES = List.of("orders", "events");

    @Test
    void eachTableHoldsExactlyTheRowsCommittedUpToItsCopyPosition(MariaDbDatabase source, PostgresDatabase target,
                                                                  @TempDir Path home) throws Exception {
        for (String table : TABLES) {
            source.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)",
                    "INSERT INTO " + table + " SELECT seq, REPEAT('seed ', 30) FROM seq_1_to_" + SEED_ROWS);
        }
        String config = TestConfig.between(source, target).set("COPY_WORKERS", "2").write(home, "busy").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        CliRunner.Result init;
        try (InsertWorkload workload = new InsertWorkload(source, TABLES, SEED_ROWS + 1)) {
            workload.awaitInserted(20, Duration.ofSeconds(30));
            init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        }

        assertThat(init.exitCode()).as(init.err()).isZero();
        System.out.println("[consistency] " + longestLockLine(init.out()));
        List<Object> start = target.queryForList("SELECT binlog_file, binlog_position"
                + " FROM chameleon_catalogue.read_position").get(0);
        for (String table : TABLES) {
            List<Object> copy = target.queryForList("SELECT copy_binlog_file, copy_binlog_position"
                    + " FROM chameleon_catalogue.replicated_table WHERE table_name = '" + table + "'").get(0);
            assertThat(copy.get(0)).as("binlog file of %s's copy", table).isEqualTo(start.get(0));
            BinlogInserts inserts = BinlogInserts.count(source, (String) start.get(0), (Long) start.get(1),
                    (Long) copy.get(1), source.name() + "." + table);
            long sourceRows = (Long) source.queryForList("SELECT count(*) FROM " + table).get(0).get(0);
            long beforeStart = sourceRows - inserts.upTo() - inserts.after();
            long expected = beforeStart + inserts.upTo();

            assertThat(inserts.upTo()).as("rows of %s written between the start and its snapshot", table).isPositive();
            assertThat(inserts.after()).as("rows of %s written after its snapshot", table).isPositive();
            assertThat(target.queryForList("SELECT count(*), min(id), max(id) FROM shop." + table))
                    .as("rows of %s: %d before the start + %d up to its copy position %s", table, beforeStart,
                            inserts.upTo(), copy)
                    .containsExactly(List.of(expected, 1L, expected));
            System.out.printf("[consistency] %s: copied %d rows = %d before start %s + %d up to copy position %s;"
                    + " %d written after it%n", table, expected, beforeStart, start, inserts.upTo(), copy,
                    inserts.after());
        }
    }

    private static String longestLockLine(String out) {
        Matcher line = Pattern.compile("Longest lock held on a source table: \\d+ ms\\.").matcher(out);
        assertThat(line.find()).as(out).isTrue();
        return line.group();
    }
}
