package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CopyScope;
import io.chameleon.copy.CopySettings;
import io.chameleon.copy.CopySummary;
import io.chameleon.copy.ReplicaCopy;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.ops.PidFile;
import io.chameleon.ops.ReplicaStopper;
import io.chameleon.preflight.Preflight;
import picocli.CommandLine.Model.CommandSpec;

/** What init_replica, refresh_schema, sync_tables and copy_schema share: build the copy and run it. */
final class CopyCommands {

    private CopyCommands() {
    }

    static CopySummary run(ChameleonCommand root, CommandSpec spec, String command, CopyScope scope) {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        CommandContext context = root.context();
        String name = context.requireSource(command);
        ChameleonConfig config = context.config(err);
        if (command.equals("init_replica")) { // before anything changes: a copy that cannot replicate is wasted
            SourceConfig configured = config.source(name);
            Preflight.refuseIfFailing(command, configured, new SourceConnector(configured), Preflight.Purpose.COPY);
        }
        SourceConfig source = context.withCurrentCatalogue(err, command, (catalogue, sources) -> {
            SourceRecord registered = sources.require(name);
            boolean replicating = registered.status() == SourceStatus.RUNNING
                    || new PidFile(config.pidDir(), name).liveProcess().isPresent();
            if (replicating && !command.equals("copy_schema")) {
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
