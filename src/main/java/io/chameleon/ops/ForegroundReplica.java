package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.postgres.PostgresConnector;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The replica of one source run in this process until it is stopped: the pid file claimed, the reader, replay
 * worker and pulse assembled, the health checks told, SIGTERM and shutdown turned into a stop at a transaction
 * boundary. The one place the replica is put together; start_replica only checks, calls and prints.
 */
public final class ForegroundReplica {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private ForegroundReplica() {
    }

    /**
     * Runs until a stop request (returns) or a lasting failure ({@link ReplicaFailedException}).
     *
     * @param started told the replica's components once assembled, for the health checks
     */
    public static void run(ChameleonConfig config, SourceConfig source, PostgresConnector postgres,
                           Consumer<ReplicaComponents> started, PrintWriter out) {
        PidFile pidFile = new PidFile(config.pidDir(), source.name());
        pidFile.claim();
        try {
            ReplicaProcess process = new ReplicaProcess(config, source, postgres, new SourceConnector(source));
            started.accept(process.components());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.requestStop();
                try {
                    process.awaitFinished(STOP_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "replica-stop"));
            StopSignals.install(process::requestStop);
            out.println("Replica of source " + source.name() + " running (pid " + ProcessHandle.current().pid()
                    + ").");
            out.flush();
            process.run();
        } finally {
            pidFile.release();
        }
    }
}
