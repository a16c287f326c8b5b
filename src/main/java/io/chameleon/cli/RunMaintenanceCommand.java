package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.ops.CatalogueMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "run_maintenance", aliases = "run-maintenance", mixinStandardHelpOptions = true,
        description = "Clean the catalogue of the --source while its replica runs: replayed batches past "
                + "batch_retention, replay errors and discarded rows past error_retention, then VACUUM (ANALYZE) of "
                + "the catalogue tables. Prints the figures before and after.")
public class RunMaintenanceCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--full", description = "VACUUM FULL instead of VACUUM: returns space to the system but locks "
            + "each catalogue table while it is rewritten, so the replica waits (a table busy for more than 2 s is "
            + "skipped).")
    boolean full;

    @Override
    public Integer call() {
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("run_maintenance");
        ChameleonConfig config = context.config(err);
        SourceRecord record = context.withCurrentCatalogue(err, "run_maintenance",
                (catalogue, sources) -> sources.require(name));
        SourceConfig source = MappingsInForce.of(config.source(name), record, context.configName(), err);
        CatalogueMaintenance.Report report = new CatalogueMaintenance(context.postgres(err, "run_maintenance"),
                config.catalogueSchema(), source).run(record.id(), full);
        out().print(report.render());
        return 0;
    }
}
