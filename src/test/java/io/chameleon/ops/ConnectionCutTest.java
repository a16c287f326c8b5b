package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TcpProxy;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The source connection is cut mid-stream, repeatedly, while a workload runs: nothing is lost or doubled. */
@RealServers
class ConnectionCutTest {

    @Test
    void theReaderReconnectsAndResumesAfterEachCut(MariaDbDatabase source, PostgresDatabase target,
                                                   @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE ledger (id INT PRIMARY KEY, amount INT NOT NULL, note VARCHAR(30))");
        try (TcpProxy proxy = new TcpProxy(source.server().host(), source.server().port())) {
            String config = TestConfig.between(source, target).set("MY_PORT", Integer.toString(proxy.port()))
                    .set("PG_SCHEMA", "ledger").write(home, "cut").toString();
            try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
                int cuts = 0;
                int acceptedBeforeLastCut = 0;
                for (int txn = 1; txn <= 60; txn++) {
                    source.execute("START TRANSACTION",
                            "INSERT INTO ledger VALUES (" + txn + ", " + txn + ", 'new')",
                            "UPDATE ledger SET amount = amount + 1, note = 'updated' WHERE id = " + Math.max(1, txn - 3),
                            "COMMIT");
                    if (txn % 15 == 0) {
                        acceptedBeforeLastCut = proxy.accepted();
                        proxy.cutAll();
                        cuts++;
                    }
                }
                String expected = source.server().queryForList(source.name(),
                        "SELECT CONCAT(COUNT(*), '|', SUM(amount), '|', SUM(note = 'updated')) FROM ledger")
                        .get(0).get(0).toString();

                Eventually.equals(List.of(expected), () -> List.of(String.valueOf(target.queryForList(
                        "SELECT count(*) || '|' || sum(amount) || '|' || count(*) FILTER (WHERE note = 'updated')"
                                + " FROM ledger.ledger").get(0).get(0))), Duration.ofSeconds(120));
                // and row for row: every key with its amount and note
                TableDigest ledger = new TableDigest("ledger", "id", "id, amount, note");
                assertThat(ledger.ofTarget(target, "ledger")).isEqualTo(ledger.ofSource(source));
                assertThat(cuts).isEqualTo(4);
                int before = acceptedBeforeLastCut;
                Eventually.equals(true, () -> proxy.accepted() > before, Duration.ofSeconds(60));
                assertThat(replica.failure()).isNull();
            }
        }
    }
}
