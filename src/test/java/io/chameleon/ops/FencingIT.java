package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TcpProxy;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The active process reaches PostgreSQL through a proxy; the proxy cuts all its connections while a workload
 * runs, so the standby gets the lock and takes over while the old process reconnects at once. The old process
 * commits nothing after the standby's first commit: every batch of its epoch comes before the first batch of the
 * new one, their count does not change afterwards, and the target equals the source row for row with each change
 * logged once. The old process notices, stops writing and stands by.
 */
@RealServers
class FencingIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    @Test
    void aCutOffActiveProcessCommitsNothingAfterTheStandbyTookOver(MariaDbDatabase source, PostgresDatabase target,
                                                                   @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        TestConfig settings = TestConfig.between(source, target).set("PG_SCHEMA", "bank");
        try (TcpProxy proxy = new TcpProxy(target.server().host(), target.server().port())) {
            Path direct = settings.write(Files.createDirectories(home.resolve("host-b")), "fencing");
            Path proxied = settings.set("PG_PORT", Integer.toString(proxy.port()))
                    .set("HEALTH_PORT", Integer.toString(freePort()))
                    .write(Files.createDirectories(home.resolve("host-a")), "fencing");
            assertThat(CliRunner.run("create_replica_schema", "--config", direct.toString()).exitCode()).isZero();
            assertThat(CliRunner.run("add_source", "--config", direct.toString(), "--source", "shop").exitCode())
                    .isZero();
            CliRunner.Result init = CliRunner.run("init_replica", "--config", direct.toString(), "--source", "shop");
            assertThat(init.exitCode()).as(init.err()).isZero();
            ChangeLogAudit audit = new ChangeLogAudit(target);

            MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(3));
            try (ReplicaJar old = ReplicaJar.start(proxied, home.resolve("a.log"), "-Xmx256m").awaitRunning(START);
                 ReplicaJar standby = ReplicaJar.start(direct, home.resolve("b.log"), "-Xmx256m")
                         .awaitStandby(START)) {
                long oldEpoch = epoch(target);
                Eventually.equals(true, () -> batchesOf(target, oldEpoch) > 3, Duration.ofSeconds(60));

                proxy.cutAll();
                long cutAt = System.nanoTime();
                try {
                    standby.awaitRunning(Duration.ofSeconds(30));
                } catch (AssertionError notTakenOver) {
                    throw new AssertionError("the standby did not take over; the old process printed:\n"
                            + old.output(), notTakenOver);
                }
                long newEpoch = oldEpoch + 1;
                Eventually.equals(true, () -> batchesOf(target, newEpoch) > 0, Duration.ofSeconds(30));
                long oldBatchesAtTakeover = batchesOf(target, oldEpoch);
                System.out.printf("[fencing] connections cut; standby active %d ms later, old epoch %d logged %d"
                                + " batches%n", (System.nanoTime() - cutAt) / 1_000_000, oldEpoch,
                        oldBatchesAtTakeover);

                Eventually.equals(true, () -> old.output().contains("event=fenced_out"), Duration.ofSeconds(30));
                Eventually.equals(true, () -> old.output().lines().filter(l -> l.contains("standing by")).count() >= 2,
                        Duration.ofSeconds(60));
                Thread.sleep(3000); // the old process reconnects meanwhile; the workload goes on
                assertThat(old.isAlive()).as("the old process stands by again:%n%s", old.output()).isTrue();
                assertThat(batchesOf(target, oldEpoch)).as("batches of the old epoch after the takeover")
                        .isEqualTo(oldBatchesAtTakeover);
                assertThat(number(target, "SELECT max(batch_id) FROM chameleon_catalogue.log_batch WHERE epoch = "
                        + oldEpoch)).as("every batch of the old epoch precedes the new epoch's first")
                        .isLessThan(number(target, "SELECT min(batch_id) FROM chameleon_catalogue.log_batch"
                                + " WHERE epoch = " + newEpoch));
                String status = CliRunner.run("show_status", "--config", direct.toString()).out();
                assertThat(status.lines().filter(l -> l.matches("shop\\s+standby\\s+\\S+\\s+" + old.pid() + "\\s.*")))
                        .as(status).hasSize(1);

                workload.close();
                for (TableDigest table : MixedWorkload.TABLES) {
                    Eventually.equals(table.ofSource(source), () -> table.ofTarget(target, "bank"), CATCH_UP);
                }
                Eventually.equals(0L, audit::pendingBatches, CATCH_UP);
                assertThat(audit.loggedRows()).isEqualTo(workload.changes());
                assertThat(audit.duplicateLogRows()).isZero();
                assertThat(audit.overlappingBatches()).isZero();
                assertThat(batchesOf(target, oldEpoch)).isEqualTo(oldBatchesAtTakeover);
            } finally {
                workload.close();
            }
        }
    }

    private static long epoch(PostgresDatabase target) {
        return number(target, "SELECT epoch FROM chameleon_catalogue.source WHERE source_name = 'shop'");
    }

    private static long batchesOf(PostgresDatabase target, long epoch) {
        return number(target, "SELECT count(*) FROM chameleon_catalogue.log_batch WHERE epoch = " + epoch);
    }

    private static long number(PostgresDatabase target, String sql) {
        List<List<Object>> rows = target.queryForList(sql);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
