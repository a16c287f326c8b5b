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
 * Failover without detach_replica: the identity sequences of a replica follow the values replication writes, so an
 * application pointed at the replica can insert without giving a key — including through an identity column that is
 * not the key — and a sequence never goes back when replication writes lower values.
 */
@RealServers
class SequencesFollowReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aPromotedReplicaAcceptsInsertsWithoutAKey(MariaDbDatabase source, PostgresDatabase target,
                                                   @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(30))",
                "CREATE TABLE events (code CHAR(8) PRIMARY KEY, seq BIGINT NOT NULL AUTO_INCREMENT, KEY (seq))",
                "INSERT INTO orders (note) VALUES ('copied 1'), ('copied 2'), ('copied 3')",
                "INSERT INTO events (code) VALUES ('c1'), ('c2')");
        String config = TestConfig.between(source, target).write(home, "failover").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            for (int i = 0; i < 100; i++) {
                source.execute("INSERT INTO orders (note) VALUES ('live " + i + "')",
                        "INSERT INTO events (code) VALUES ('e" + i + "')");
            }
            Eventually.equals(List.of(List.of(103L, 102L)), () -> target.queryForList("SELECT"
                    + " (SELECT count(*) FROM shop.orders), (SELECT count(*) FROM shop.events)"), DEADLINE);
            // an update of old rows only: nothing above the sequence, nothing moves back
            source.execute("UPDATE orders SET note = 'touched' WHERE id <= 2");
            Eventually.equals(List.of(List.of(2L)), () -> target.queryForList("SELECT count(*) FROM shop.orders"
                    + " WHERE note = 'touched'"), DEADLINE);
            assertThat(target.queryForList("SELECT nextval(pg_get_serial_sequence('shop.orders', 'id')) - 1"))
                    .as("the sequence stands at max(id)").containsExactly(List.of(103L));
            target.execute("SELECT setval(pg_get_serial_sequence('shop.orders', 'id'), 103)");
        }

        // the source is gone; the application writes into the replica
        assertThat(target.queryForList("INSERT INTO shop.orders (note) VALUES ('after failover') RETURNING id"))
                .containsExactly(List.of(104));
        assertThat(target.queryForList("INSERT INTO shop.events (code) VALUES ('new') RETURNING seq"))
                .containsExactly(List.of(103L));
    }

    @Test
    void anExplicitHighKeyMovesTheSequenceAlong(MariaDbDatabase source, PostgresDatabase target,
                                               @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(30))");
        String config = TestConfig.between(source, target).set("CATALOGUE", "explicit_catalogue")
                .set("PG_SCHEMA", "tix").write(home, "explicit").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute("INSERT INTO tickets VALUES (5000, 'explicit')",
                    "INSERT INTO tickets (note) VALUES ('next')");
            Eventually.equals(List.of(List.of(2L)), () -> target.queryForList("SELECT count(*) FROM tix.tickets"),
                    DEADLINE);
        }

        assertThat(target.queryForList("INSERT INTO tix.tickets (note) VALUES ('replica') RETURNING id"))
                .containsExactly(List.of(5002L));
    }
}
