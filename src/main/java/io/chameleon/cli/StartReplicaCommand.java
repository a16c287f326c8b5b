package io.chameleon.cli;

import io.chameleon.catalogue.CopyRun;
import io.chameleon.catalogue.CopyRunRepository;
import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.LogDestination;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.ExitStatus;
import io.chameleon.error.StateException;
import io.chameleon.health.ReplicaRegistry;
import io.chameleon.metrics.MetricsEndpoint;
import io.chameleon.error.UsageException;
import io.chameleon.notify.Notifier;
import io.chameleon.ops.ForegroundReplica;
import io.chameleon.ops.PidFile;
import io.chameleon.ops.StartPosition;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.preflight.Preflight;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

@NeedsRuntime
@Command(name = "start_replica", aliases = "start-replica", mixinStandardHelpOptions = true,
        description = "Start replicating the --source: a reader streams the binlog into the change log and a replay "
                + "worker applies it. Runs in the background unless --foreground, --debug or log_dest: stdout.")
public class StartReplicaCommand extends Subcommand implements Callable<Integer> {

    @Inject
    ReplicaRegistry registry;

    @Inject
    MetricsEndpoint metrics;

    @Option(names = "--foreground", description = "Stay in the foreground (for systemd and containers).")
    boolean foreground;

    @Option(names = "--from", paramLabel = "FILE:POSITION",
            description = "Start from these binlog coordinates without a copy (the tables must already hold the "
                    + "data as of that point).")
    String from;

    @Option(names = "--from-gtid", paramLabel = "GTID_SET",
            description = "Start from this GTID position without a copy (MariaDB: domain-server-sequence per domain;"
                    + " MySQL: an executed GTID set); needs gtid_enable: true")
    String fromGtid;

    @Override
    public Integer call() throws Exception {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("start_replica");
        ChameleonConfig config = context.config(err);
        SourceConfig configured = config.source(name);
        PidFile pidFile = new PidFile(config.pidDir(), name);
        boolean background = !staysInForeground(config);
        if (background && from == null && fromGtid == null) {
            // the background process runs every check below itself (as in the foreground) and reports a refusal
            // before it exits: started at once, it boots while the checks run instead of after them
            refuseIfReplicatedHere(name, pidFile);
            return startInBackground(config, name, context, out, err);
        }
        // the checks ask the source while the catalogue is read; their refusal comes first, and before anything
        // changes (a start position given is recorded with the catalogue's checks)
        CompletableFuture<Void> preflight = Preflight.refuseIfFailingBeside("start_replica", configured,
                new SourceConnector(configured), Preflight.Purpose.STREAM);
        if (from != null || fromGtid != null) {
            Preflight.await(preflight);
        }
        SourceConfig source;
        try {
            source = inForce(context, config, name, pidFile, out, err);
        } catch (RuntimeException catalogueFailure) {
            Preflight.await(preflight);
            throw catalogueFailure;
        }
        Preflight.await(preflight);
        if (background) {
            return startInBackground(config, name, context, out, err);
        }
        var postgres = context.postgres(err, "start_replica");
        try (Notifier notifier = context.notifier(err)) {
            ForegroundReplica.run(config, source, postgres, components -> {
                if (registry != null) {
                    registry.register(components);
                }
                if (metrics != null) {
                    metrics.bind(components, postgres, config.catalogueSchema());
                }
            }, out, notifier);
        }
        return 0;
    }

    /** The catalogue's checks of the start (and the start position given, recorded); the source's settings in force. */
    private SourceConfig inForce(CommandContext context, ChameleonConfig config, String name, PidFile pidFile,
                                 PrintWriter out, PrintWriter err) {
        return context.withCurrentCatalogue(err, "start_replica", (catalogue, sources) -> {
            SourceRecord record = sources.require(name);
            SourceConfig inForce = MappingsInForce.of(config.source(name), record, context.configName(), err);
            SourceOverview overview = sources.overview().stream().filter(o -> o.id() == record.id()).findFirst()
                    .orElseThrow();
            refuseIfBusy(name, record, overview, pidFile, () -> new CopyRunRepository(catalogue.connection(),
                    config.catalogueSchema()).last(record.id()));
            if (from != null && fromGtid != null) {
                throw new UsageException("--from and --from-gtid exclude each other: give one start position");
            }
            if ((from != null || fromGtid != null) && record.status() == SourceStatus.RUNNING
                    && overview.effectiveStatus().equals("running")) {
                throw new StateException("source " + name + " is running in another process (" + overview.processHost()
                        + ", pid " + overview.processPid() + "); a new start position needs every process of the"
                        + " source stopped first");
            }
            if (from != null) {
                StartPosition.startFrom(catalogue.connection(), config, inForce, record, from, out);
            } else if (fromGtid != null) {
                StartPosition.startFromGtid(catalogue.connection(), config, inForce, record, fromGtid, out);
            }
            return inForce;
        });
    }

    /**
     * Starts the replica process and returns once it holds the pid file; when it exits first, prints what it printed
     * (its refusal in its own words, without the warnings this command printed already) and returns its exit code.
     */
    private static int startInBackground(ChameleonConfig config, String name, CommandContext context,
                                         PrintWriter out, PrintWriter err) {
        Detacher.Outcome outcome = Detacher.detach(config, name, context.configName(), err);
        if (outcome instanceof Detacher.Running running) {
            // the warnings of the checks the process ran (schema_mappings differing from the catalogue's, say)
            String warnings = news(running.printed(), context).lines().filter(line -> line.startsWith("WARNING"))
                    .collect(Collectors.joining("\n"));
            if (!warnings.isEmpty()) {
                err.println(warnings);
            }
            out.println("Replica of source " + name + " started in the background (pid " + running.pid() + ").");
            return 0;
        }
        Detacher.Exited exited = (Detacher.Exited) outcome;
        String news = news(exited.printed(), context);
        if (!news.isEmpty()) {
            err.println(news);
        }
        if (exited.code() == 0 || news.isEmpty()) {
            err.println("ERROR: the replica process of source " + name + " exited with code " + exited.code()
                    + " before it started replicating; see "
                    + ReplicaLogFile.log(config, context.configName(), name));
        }
        err.flush();
        return exited.code() == 0 ? ExitStatus.STATE.code() : exited.code();
    }

    /** The lines the process printed that this command did not print already (its warnings, the root warning). */
    private static String news(String printed, CommandContext context) {
        Set<String> saidAlready = new HashSet<>(context.printedWarnings());
        if (RootWarning.isRoot(RootWarning.uid())) {
            saidAlready.add(RootWarning.MESSAGE);
        }
        return printed.lines().filter(line -> !saidAlready.contains(line)).collect(Collectors.joining("\n")).strip();
    }

    @FunctionalInterface
    private interface CopyLookup {
        Optional<CopyRun> get() throws java.sql.SQLException;
    }

    /** Whether this run replicates itself rather than spawning a background process (needs the configuration). */
    boolean staysInForeground(ChameleonCommand top) {
        if (foreground || top.debug) {
            return true; // the background process itself runs with --foreground: no configuration read for this
        }
        try {
            return staysInForeground(io.chameleon.config.ConfigLoader.load(top.config).config());
        } catch (RuntimeException reportedLater) {
            return true;
        }
    }

    private boolean staysInForeground(ChameleonConfig config) {
        return foreground || root.debug || config.logDest() == LogDestination.STDOUT;
    }

    /**
     * Refuses a second process of the source on this host and a source that cannot replicate now; a source
     * running on another host is fine: this process stands by and takes over when that one goes.
     */
    private static void refuseIfBusy(String name, SourceRecord record, SourceOverview overview, PidFile pidFile,
                                     CopyLookup lastCopy) throws java.sql.SQLException {
        refuseIfReplicatedHere(name, pidFile);
        SourceStatus status = record.status();
        if (status == SourceStatus.ERROR) {
            throw new StateException("source " + name + " is in error (" + "see show_status --source " + name
                    + "); fix the cause, then run 'enable_replica --source " + name + "'");
        }
        if (status == SourceStatus.SYNCING || status == SourceStatus.INITIALISING) {
            Optional<CopyRun> copy = lastCopy.get();
            if (copy.isPresent() && copy.get().effectiveState().equals(CopyRun.KILLED)) {
                throw new StateException("the last " + copy.get().command() + " of source " + name + " was killed"
                        + " before it finished (process " + copy.get().pid() + "); nothing of it was published: run '"
                        + copy.get().command() + " --source " + name + "' again");
            }
            throw new StateException("source " + name + " is " + status.label() + "; wait for the copy to finish"
                    + " (show_status --source " + name + " shows its progress)");
        }
    }

    /** Refuses a second process of the source on this host (its pid file names a live process). */
    private static void refuseIfReplicatedHere(String name, PidFile pidFile) {
        pidFile.liveProcess().ifPresent(process -> {
            throw new StateException("source " + name + " is already replicated by process " + process.pid()
                    + "; stop it first with 'stop_replica --source " + name + "'");
        });
    }
}
