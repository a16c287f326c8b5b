package io.chameleon.ops;

import io.chameleon.catalogue.SourceRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gtid_enable with MariaDB: the reader keeps the GTID position of the last whole transaction with the file
 * coordinates, resumes by it (so coordinates of another server would do), and start_replica --from-gtid starts
 * right after the given position.
 */
@RealServers
class GtidReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final TableDigest G = new TableDigest("g", "id", "id, v");

    @Test
    void theReaderResumesByGtidWhateverTheFileCoordinatesSay(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE g (id INT PRIMARY KEY, v VARCHAR(10))", "INSERT INTO g VALUES (1, 'a')");
        String config = TestConfig.between(source, target).set("GTID_ENABLE", "true").set("CATALOGUE", "cat_gtid")
                .set("PG_SCHEMA", "gtid_s").write(home, "gtid").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("INSERT INTO g VALUES (2, 'b')", "UPDATE g SET v = 'a2' WHERE id = 1");
            Eventually.equals(G.ofSource(source), () -> G.ofTarget(target, "gtid_s"), DEADLINE);
            String gtid = gtidBinlogPos(source);
            Eventually.equals(gtid, () -> readPosition(target).get(2), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        // coordinates that lead nowhere: only the GTID position can find the place to resume
        target.execute("UPDATE cat_gtid.read_position SET binlog_file = 'mysql-bin.999999', binlog_position = 4");
        source.execute("INSERT INTO g VALUES (3, 'c')", "DELETE FROM g WHERE id = 2");

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            Eventually.equals(G.ofSource(source), () -> G.ofTarget(target, "gtid_s"), DEADLINE);
            List<Object> master = source.queryForList("SHOW MASTER STATUS").get(0);
            Eventually.equals(List.of(master.get(0), ((Number) master.get(1)).longValue(), gtidBinlogPos(source)),
                    () -> readPosition(target), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        assertThat(target.queryForList("SELECT sum(row_count) FROM cat_gtid.log_batch").get(0).get(0))
                .as("row changes logged: 1 insert + 1 update, then 1 insert + 1 delete, none twice")
                .isEqualTo(4L);
    }

    @Test
    void startFromGtidBeginsRightAfterTheGivenPosition(MariaDbDatabase source, PostgresDatabase target,
                                                       @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE h (id INT PRIMARY KEY, v VARCHAR(10))");
        String config = TestConfig.between(source, target).set("GTID_ENABLE", "true").set("CATALOGUE", "cat_gtid2")
                .set("PG_SCHEMA", "gtid2_s").write(home, "gtid2").toString();
        ReplicaHarness.initAndStart(config, target).close();
        source.execute("INSERT INTO h VALUES (10, 'before')");
        String from = gtidBinlogPos(source);
        source.execute("INSERT INTO h VALUES (11, 'after')");

        ChameleonConfig loaded = ConfigLoader.load(config).config();
        StringWriter said = new StringWriter();
        try (Connection pg = target.connect()) {
            pg.setAutoCommit(false);
            StartPosition.startFromGtid(pg, loaded, loaded.source("shop"),
                    new SourceRepository(pg, "cat_gtid2").require("shop"), from, new PrintWriter(said, true));
        }
        assertThat(said.toString()).contains("will replicate 1 tables from GTID " + from);

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO h VALUES (12, 'later')");
            Eventually.equals(List.of(List.of(11, "after"), List.of(12, "later")),
                    () -> target.queryForList("SELECT id, v FROM gtid2_s.h ORDER BY id"), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
    }

    private static String gtidBinlogPos(MariaDbDatabase source) {
        return (String) source.queryForList("SELECT @@GLOBAL.gtid_binlog_pos").get(0).get(0);
    }

    private static List<Object> readPosition(PostgresDatabase target) {
        List<List<Object>> rows = target.queryForList("SELECT binlog_file, binlog_position, gtid_set FROM"
                + " cat_gtid.read_position");
        return rows.isEmpty() ? List.of() : rows.get(0);
    }
}
