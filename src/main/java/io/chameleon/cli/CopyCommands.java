package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.LogDestination;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CopyScope;
import io.chameleon.copy.CopySettings;
import io.chameleon.copy.CopySummary;
import io.chameleon.copy.ReplicaCopy;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.notify.Notifier;
import io.chameleon.ops.PidFile;
import io.chameleon.ops.ReplicaStopper;
import io.chameleon.preflight.Preflight;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.CompletableFuture;

/**
 * What init_replica, refresh_schema, sync_tables and copy_schema share: build the copy and run it. The first three
 * run in the background by default, as pg_chameleon's do (and as start_replica does here): this process checks the
 * source, starts the copy as a child holding {@code <pid_dir>/<source>_copy.pid} and returns; {@code --foreground},
 * {@code --debug} and {@code log_dest: stdout} keep the copy in this process.
 */
final class CopyCommands {

    private CopyCommands() {
    }

    static int run(ChameleonCommand root, CommandSpec spec, String command, CopyScope scope, boolean foreground) {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        CommandContext context = root.context();
        String name = context.requireSource(command);
        ChameleonConfig config = context.config(err);
        // before anything changes: a copy that cannot replicate is wasted. The checks ask the source while the
        // catalogue check below asks PostgreSQL: side by side, so that a background copy starts sooner
        CompletableFuture<Void> preflight = command.equals("init_replica")
                ? Preflight.refuseIfFailingBeside(command, config.source(name), new SourceConnector(config.source(name)),
                        Preflight.Purpose.COPY)
                : CompletableFuture.completedFuture(null);
        PidFile copyPid = PidFile.copy(config.pidDir(), name);
        boolean background = !foreground && !root.debug && config.logDest() == LogDestination.FILE
                && !command.equals("copy_schema");
        if (background) {
            // what the child would fail on at once is said here rather than only in its log
            RuntimeException catalogueFailure = null;
            SourceRecord registered = null;
            try {
                registered = context.withCurrentCatalogue(err, command, (catalogue, sources) -> sources.require(name));
            } catch (RuntimeException e) {
                catalogueFailure = e;
            }
            Preflight.await(preflight); // its refusal first, as when the two ran one after the other
            if (catalogueFailure != null) {
                throw catalogueFailure;
            }
            boolean stopsReplica = replicating(config, name, registered);
            long pid = Detacher.detachCopy(config, name, context.configName(), command);
            out.println(command + " of source " + name + " started in the background (pid " + pid + "); follow it"
                    + " with 'show_status --source " + name + "'.");
            if (stopsReplica) {
                // the child stops it and says so in its log; the one typing the command must know it here
                out.println("The copy stops the replica of source " + name + " first; start it again with"
                        + " 'start_replica --source " + name + "' after the copy.");
            }
            err.println("Logging to " + ReplicaLogFile.copyLog(config, context.configName(), name));
            return 0;
        }
        Preflight.await(preflight);
        copyPid.claim();
        try (Notifier notifier = context.notifier(err)) {
            try {
                CopySummary summary = copy(context, out, err, config, name, command, scope);
                notifier.copyFinished(name, command, summary.tables().size(), summary.rows(), summary.elapsed());
                return 0;
            } catch (RuntimeException e) {
                notifier.copyFailed(name, command, e.getMessage());
                throw e;
            }
        } finally {
            copyPid.release();
        }
    }

    /** Whether a replica of the source runs (by the catalogue, or by its pid file on this host). */
    private static boolean replicating(ChameleonConfig config, String name, SourceRecord registered) {
        return registered.status() == SourceStatus.RUNNING
                || new PidFile(config.pidDir(), name).liveProcess().isPresent();
    }

    private static CopySummary copy(CommandContext context, java.io.PrintWriter out, java.io.PrintWriter err,
                                    ChameleonConfig config, String name, String command, CopyScope scope) {
        SourceConfig source = context.withCurrentCatalogue(err, command, (catalogue, sources) -> {
            SourceRecord registered = sources.require(name);
            if (replicating(config, name, registered) && !command.equals("copy_schema")) {
                // the copy replaces tables the replica writes to, and restarts the stream from its snapshot
                out.println(new ReplicaStopper(config.pidDir()).stop(sources, name) + " " + command
                        + " stops a running replica first; start it again with 'start_replica --source " + name
                        + "' after the copy.");
                out.flush();
            }
            return MappingsInForce.of(config.source(name), registered, context.configName(), err);
        });
        ReplicaCopy copy = new ReplicaCopy(config, source, context.postgres(err, command), new SourceConnector(source),
                CopySettings.of(source, System.console() != null), out);
        return copy.run(scope, command);
    }
}
