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
 * A replica stopped for longer than the source keeps its binlogs cannot go on: it stops in error naming the
 * position it needs, the oldest binlog the server still has, and the fix, instead of retrying for ever.
 */
@RealServers
class PurgedBinlogTest {

    @Test
    void aPurgedBinlogStopsTheReplicaWithWhatWasLostAndTheFix(MariaDbDatabase source, PostgresDatabase target,
                                                             @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE purged (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_purged").set("PG_SCHEMA", "purged_s")
                .write(home, "purged").toString();
        ReplicaHarness.initAndStart(config, target).close();
        String needed = (String) target.queryForList("SELECT binlog_file || ':' || binlog_position FROM"
                + " cat_purged.read_position").get(0).get(0);
        source.execute("INSERT INTO purged VALUES (1)");
        String newest = SourceBinlogs.purgeAllButANewOne(source);

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            Eventually.equals(true, () -> replica.failure() != null, Duration.ofSeconds(60));
            assertThat(replica.failure().getMessage()).contains("needs the binlog from " + needed,
                    "no longer has", "the oldest binlog it still has is " + newest,
                    "chameleon init_replica --source shop");
            List<List<Object>> status = target.queryForList("SELECT status::text, status_detail FROM"
                    + " cat_purged.source");
            assertThat(status.get(0).get(0)).isEqualTo("error");
            assertThat((String) status.get(0).get(1)).contains("the oldest binlog it still has is " + newest);
        }
    }
}
