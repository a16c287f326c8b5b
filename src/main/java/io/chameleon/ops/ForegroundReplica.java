package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.notify.Notifier;
import io.chameleon.postgres.PostgresConnector;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The replica of one source run in this process until it is stopped: the pid file claimed, the process standing
 * by until it holds the source's lock, then the reader, replay worker and pulse assembled, the health checks told,
 * SIGTERM and shutdown turned into a stop at a transaction boundary. The one place the replica is put together; start_replica only checks, calls and prints.
 */
public final class ForegroundReplica {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private ForegroundReplica() {
    }

    /**
     * Runs until a stop request (returns) or a lasting failure ({@link ReplicaFailedException}).
     *
     * @param started  told the replica's components once assembled, for the health checks
     * @param notifier where alerts go (the replica stopping on an error, a table switched off)
     */
    public static void run(ChameleonConfig config, SourceConfig source, PostgresConnector postgres,
                           Consumer<ReplicaComponents> started, PrintWriter out, Notifier notifier) {
        PidFile pidFile = new PidFile(config.pidDir(), source.name());
        pidFile.claim();
        try {
            ReplicaComponents components = new ReplicaComponents(source.name(), source.readyMaxLagSeconds());
            started.accept(components);
            SourceTakeover takeover = new SourceTakeover(config, source, postgres, components, out, notifier);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                takeover.requestStop();
                try {
                    takeover.awaitFinished(STOP_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "replica-stop"));
            StopSignals.install(takeover::requestStop);
            takeover.run();
        } finally {
            pidFile.release();
        }
    }
}
