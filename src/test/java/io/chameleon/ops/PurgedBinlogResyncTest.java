package io.chameleon.ops;

import io.chameleon.catalogue.ChangeLogPartitions;
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
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auto_resync_purged_binlog: a replica stopped for longer than the source keeps its binlogs copies the source again
 * by itself, says so in show_errors and the status, and replicates on from the new copy.
 */
@RealServers
class PurgedBinlogResyncTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final TableDigest ITEMS = new TableDigest("items", "id", "id, label, qty");
    private static final TableDigest LEFTOVERS = new TableDigest("leftovers", "id", "id, label, qty");

    @Test
    void aPurgedBinlogIsAnsweredByANewCopyAndReplicationResumes(MariaDbDatabase source, PostgresDatabase target,
                                                               @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40), qty INT)",
                "INSERT INTO items VALUES (1, 'first', 1), (2, 'second', 2), (3, 'third', 3)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_resync").set("PG_SCHEMA", "resync_s")
                .set("AUTO_RESYNC_PURGED_BINLOG", "true").write(home, "resync").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("INSERT INTO items VALUES (4, 'streamed', 4)");
            Eventually.equals(ITEMS.ofSource(source), () -> ITEMS.ofTarget(target, "resync_s"), DEADLINE);
        }
        String needed = (String) target.queryForList("SELECT binlog_file || ':' || binlog_position FROM"
                + " cat_resync.read_position").get(0).get(0);

        // while the replica is stopped: changes it will never read, then their binlogs purged
        source.execute("INSERT INTO items VALUES (5, 'while stopped', 5), (6, 'gone', 6)",
                "UPDATE items SET label = 'changed while stopped', qty = 10 WHERE id = 1",
                "DELETE FROM items WHERE id IN (2, 6)");
        String newest = SourceBinlogs.purgeAllButANewOne(source);

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            Eventually.equals(List.of("running"), () -> statusAfterResync(target), DEADLINE);
            assertThat(replica.failure()).isNull();
            assertThat(TableDigest.difference(ITEMS.ofSource(source), ITEMS.ofTarget(target, "resync_s")))
                    .as("the new copy holds the changes the purged binlog had").isEmpty();

            source.execute("INSERT INTO items VALUES (7, 'after the copy', 7)",
                    "UPDATE items SET qty = qty + 100 WHERE id IN (1, 3)", "DELETE FROM items WHERE id = 4");
            Eventually.equals(ITEMS.ofSource(source), () -> ITEMS.ofTarget(target, "resync_s"), DEADLINE);
            assertThat(ITEMS.ofTarget(target, "resync_s")).hasSize(4);
            assertThat(replica.failure()).isNull();

            List<List<Object>> warnings = target.queryForList("SELECT sqlstate, binlog_file || ':' || binlog_position,"
                    + " error_message FROM cat_resync.replay_error");
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).get(0)).isEqualTo("01000");
            assertThat(warnings.get(0).get(1)).isEqualTo(needed);
            assertThat((String) warnings.get(0).get(2)).contains("the binlog from " + needed + " was purged",
                    "auto_resync_purged_binlog copies the whole source again",
                    "the oldest binlog it still has is " + newest);
        }
    }

    @Test
    void aFullCopyNeverReplaysTheBatchesTheOldStreamLeftBehind(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE leftovers (id INT PRIMARY KEY, label VARCHAR(40), qty INT)",
                "INSERT INTO leftovers VALUES (1, 'first', 1)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_stale").set("PG_SCHEMA", "stale_s")
                .write(home, "stale").toString();
        ReplicaHarness.initAndStart(config, target).close();
        // a batch logged by the old stream and not replayed when the replica stopped: a schema change of the table
        // the copy is about to re-create (the replay would run it on the new table)
        long batch = (Long) target.queryForList("INSERT INTO cat_stale.log_batch (source_id, start_binlog_file,"
                + " start_binlog_position, end_binlog_file, end_binlog_position, transaction_count, row_count)"
                + " SELECT source_id, 'mysql-bin.000001', 4, 'mysql-bin.000001', 5, 1, 0 FROM cat_stale.source"
                + " RETURNING batch_id").get(0).get(0);
        try (Connection pg = target.connect()) {
            new ChangeLogPartitions("cat_stale").ensurePartitionFor(pg, batch);
        }
        target.execute("INSERT INTO cat_stale.change_log (batch_id, event_seq, table_id, operation, binlog_file,"
                + " binlog_position, ddl) SELECT " + batch + ", 1, table_id, 'S', 'mysql-bin.000001', 4,"
                + " 'ALTER TABLE stale_s.leftovers ADD COLUMN stale_column integer' FROM cat_stale.replicated_table WHERE table_name = 'leftovers'");

        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT replayed_at IS NOT NULL FROM cat_stale.log_batch WHERE batch_id = "
                + batch).get(0).get(0)).isEqualTo(true);

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO leftovers VALUES (2, 'after the copy', 2)");
            Eventually.equals(LEFTOVERS.ofSource(source), () -> LEFTOVERS.ofTarget(target, "stale_s"), DEADLINE);
            assertThat(target.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema"
                    + " = 'stale_s' AND table_name = 'leftovers' ORDER BY ordinal_position"))
                    .extracting(r -> r.get(0)).containsExactly("id", "label", "qty");
            assertThat(replica.failure()).isNull();
        }
    }

    /** The status once the re-copy is done and the parts run again, empty before. */
    private static List<String> statusAfterResync(PostgresDatabase target) {
        return target.queryForList("SELECT status::text FROM cat_resync.source WHERE status_detail LIKE"
                + " '%copied again after the binlog from%'").stream().map(r -> (String) r.get(0)).toList();
    }
}
