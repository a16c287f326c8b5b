package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.cutover.CutOver;
import io.chameleon.cutover.CutOverReport;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.notify.NotificationLevel;
import io.chameleon.notify.Notifier;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.PostgresDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the replica of a test configuration's source in this JVM, as start_replica --foreground does. */
final class ReplicaHarness implements AutoCloseable {

    private final ReplicaProcess replica;
    private final Thread thread;
    private volatile RuntimeException failure;

    private ReplicaHarness(ReplicaProcess replica) {
        this.replica = replica;
        this.thread = new Thread(() -> {
            try {
                replica.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "replica-under-test");
    }

    /** Installs the catalogue, adds source "shop", copies it, and starts its replica. */
    static ReplicaHarness initAndStart(String config, PostgresDatabase target) {
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        return start(config, target);
    }

    static ReplicaHarness start(String config, PostgresDatabase target) {
        ChameleonConfig loaded = ConfigLoader.load(config).config();
        SourceConfig shop = loaded.source("shop");
        var pg = loaded.pgConn(); // where the configuration says: a test may route it through a proxy
        PostgresConnector postgres = new PostgresConnector(new PostgresEndpoint(pg.host(), pg.port(), pg.user(),
                pg.password() == null ? null : pg.password().reveal(), pg.database(), pg.sslMode(), pg.tls()),
                "test");
        ReplicaHarness harness = new ReplicaHarness(new ReplicaProcess(loaded, shop, postgres,
                new SourceConnector(shop))
                .notifyingWith(Notifier.of(loaded, NotificationLevel.INFO, ThisProcess.host())));
        harness.thread.start();
        return harness;
    }

    /** What the health checks read. */
    ReplicaComponents components() {
        return replica.components();
    }

    RuntimeException failure() {
        return failure;
    }

    /**
     * detach_replica of source "shop" as the command runs it, with this in-JVM replica stopped where the command
     * would stop the background process; what it prints goes to {@code printed}.
     */
    static CutOverReport detach(String config, ReplicaHarness replica, StringWriter printed,
                                boolean force) throws InterruptedException {
        ChameleonConfig loaded = ConfigLoader.load(config).config();
        SourceConfig shop = loaded.source("shop");
        var pg = loaded.pgConn();
        PostgresConnector postgres = new PostgresConnector(new PostgresEndpoint(pg.host(), pg.port(), pg.user(),
                pg.password().reveal(), pg.database()), "test");
        CutOver.ReplicaHalt halt = (sources, name) -> {
            try {
                replica.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "Replica of source " + name + " stopped (in this JVM).";
        };
        return new CutOver(loaded, shop, postgres, new SourceConnector(shop), halt,
                new PrintWriter(printed, true))
                .run(new CutOver.Settings(Duration.ofSeconds(120), force, Duration.ofSeconds(1)));
    }

    /** Stops at a transaction boundary and waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        replica.requestStop();
        replica.awaitFinished(Duration.ofSeconds(60));
        thread.join(60_000);
    }
}
