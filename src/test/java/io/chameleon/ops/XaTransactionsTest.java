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
 * XA transactions. MariaDB writes an XA transaction's rows at its prepare and its outcome later; rows rolled back after
 * the prepare used to stay on the target, silently. Now such a table leaves replication, reported with the command
 * that re-copies it; committed and one-phase XA transactions replicate as any other.
 */
@RealServers
class XaTransactionsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void rowsOfAnXaTransactionRolledBackAfterItsPrepareAreReported(MariaDbDatabase source, PostgresDatabase target,
                                                                   @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE ledger (id INT PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE audit (id INT PRIMARY KEY, note VARCHAR(20))");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_xa").set("PG_SCHEMA", "xa_s")
                .write(home, "xa").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            // one connection: an XA transaction belongs to its session until it is prepared
            source.execute("XA START 'committed'", "INSERT INTO ledger VALUES (1, 'committed')",
                    "XA END 'committed'", "XA PREPARE 'committed'", "XA COMMIT 'committed'",
                    "XA START 'undone'", "INSERT INTO ledger VALUES (2, 'rolled back')", "XA END 'undone'",
                    "XA PREPARE 'undone'", "XA ROLLBACK 'undone'",
                    "XA START 'direct'", "INSERT INTO audit VALUES (1, 'one phase')", "XA END 'direct'",
                    "XA COMMIT 'direct' ONE PHASE",
                    "INSERT INTO audit VALUES (2, 'after')");

            Eventually.equals(List.of(List.of(false)), () -> target.queryForList("SELECT replica_enabled FROM"
                    + " cat_xa.replicated_table WHERE table_name = 'ledger'"), DEADLINE);
            Eventually.equals(List.of(List.of(1, "one phase"), List.of(2, "after")),
                    () -> target.queryForList("SELECT id, note FROM xa_s.audit ORDER BY id"), DEADLINE);
            List<List<Object>> errors = target.queryForList("SELECT table_name, error_message FROM"
                    + " cat_xa.replay_error");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get(0)).isEqualTo("ledger");
            assertThat((String) errors.get(0).get(1)).contains("XA transaction X'756e646f6e65',X'',1 was rolled back"
                    + " after its prepare", "sync_tables --tables " + source.name() + ".ledger");
            assertThat(target.queryForList("SELECT replica_enabled FROM cat_xa.replicated_table"
                    + " WHERE table_name = 'audit'")).containsExactly(List.of(true));
            assertThat(replica.failure()).isNull();
        }
    }
}
