package io.chameleon.ops;

import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TcpProxy;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.chameleon.ops.PostgresRestartTest.assertReplicatedExactlyOnce;
import static io.chameleon.ops.PostgresRestartTest.awaitGrowth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PostgreSQL connection of the replica (reader, replay worker, pulse) is cut mid-stream, six times, some while
 * a large transaction is being logged in parts: nothing is lost or doubled.
 */
@RealServers
class PostgresConnectionCutTest {

    private static final Duration PROGRESS = Duration.ofSeconds(60);

    @Test
    void theReplicaResumesAfterItsPostgresConnectionsAreCut(MariaDbDatabase source, PostgresDatabase target,
                                                            @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        try (TcpProxy proxy = new TcpProxy(target.server().host(), target.server().port())) {
            String config = TestConfig.between(source, target).set("PG_PORT", Integer.toString(proxy.port()))
                    .set("PG_SCHEMA", "bank").write(home, "cut").toString();
            ChangeLogAudit audit = new ChangeLogAudit(target);
            try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
                MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(3));
                try {
                    for (int cut = 0; cut < 6; cut++) {
                        awaitGrowth("rows logged before cut " + cut, audit::loggedRows, audit.loggedRows() + 1,
                                PROGRESS);
                        if (cut % 2 == 1) {
                            workload.largeTransaction(60_000); // a cut while a transaction is logged in parts
                        }
                        proxy.cutAll();
                    }
                } finally {
                    workload.close();
                }
                assertReplicatedExactlyOnce(source, target, audit, workload.changes());
                assertThat(proxy.accepted()).as("PostgreSQL connections through the proxy").isGreaterThan(6);
                assertThat(replica.failure()).isNull();
            }
        }
    }
}
