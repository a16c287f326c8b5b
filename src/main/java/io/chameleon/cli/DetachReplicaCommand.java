package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.cutover.CutOver;
import io.chameleon.cutover.CutOverReport;
import io.chameleon.error.ExitStatus;
import io.chameleon.error.UsageException;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.ops.ReplicaStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "detach_replica", aliases = "detach-replica", mixinStandardHelpOptions = true,
        description = "Cut-over: wait until the replica of the --source has applied everything the source wrote "
                + "before this command started, stop it, set the sequences past the values in use, create the "
                + "source's foreign keys, and remove the source from the catalogue. The schemas stay. Refuses when the"
                + " source is in error or tables are disabled or not replicated, unless --force. Asks for "
                + "confirmation unless --yes is given. Exit status 6 when a foreign key is left NOT VALID.")
public class DetachReplicaCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Option(names = "--force", description = "Detach even when the source is in error, tables are disabled or not "
            + "replicated, or the replica is not running; the summary names what is left behind.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Longest wait for the replica to catch up (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("detach_replica");
        if (timeoutSeconds < 0) {
            throw new UsageException("detach_replica: --timeout must not be negative");
        }
        ChameleonConfig config = context.config(err);
        if (!yes) {
            Confirmation.require("detach source '" + name + "': stop its replica for good, set its sequences, create "
                    + "its foreign keys and remove it from the catalogue (its schemas stay)", "detach_replica", out);
        }
        SourceRecord record = context.withCurrentCatalogue(err, "detach_replica",
                (catalogue, sources) -> sources.require(name));
        SourceConfig source = MappingsInForce.of(config.source(name), record, context.configName(), err);
        ReplicaStopper stopper = new ReplicaStopper(config.pidDir());
        CutOverReport report = new CutOver(config, source, context.postgres(err, "detach_replica"),
                new SourceConnector(source), stopper::stop, out)
                .run(new CutOver.Settings(Duration.ofSeconds(timeoutSeconds), force, Duration.ofSeconds(5)));
        out.print(report.render());
        try (var notifier = context.notifier(err)) {
            notifier.detachFinished(name, report.summaryLine(), report.details());
        }
        return report.foreignKeysNotValid() > 0 ? ExitStatus.DATA.code() : ExitStatus.OK.code();
    }
}
