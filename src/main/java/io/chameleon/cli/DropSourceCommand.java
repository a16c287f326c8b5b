package io.chameleon.cli;

import io.chameleon.cascade.CascadeTriggers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "drop_source", aliases = "drop-source", mixinStandardHelpOptions = true,
        description = "Remove the --source from the catalogue with its change log. Replicated tables are kept. "
                + "Asks for confirmation unless --yes is given.")
public class DropSourceCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("drop_source");
        context.config(err);
        if (!yes) {
            Confirmation.require("drop source '" + name + "' and its change log from the catalogue", "drop_source",
                    out);
        }
        int functions = context.withCurrentCatalogue(err, "drop_source", (catalogue, sources) -> {
            // without the replica, the foreign key action triggers would only surprise: the tables stay, they go
            int dropped = CascadeTriggers.remove(catalogue.connection(),
                    sources.require(name).schemaMappings().values());
            sources.remove(name);
            return dropped;
        });
        out.println("Source " + name + " dropped; replicated schemas left as they are"
                + (functions > 0 ? ", but for the " + functions + " functions (with their triggers) that applied"
                + " foreign key actions during replication." : "."));
        return 0;
    }
}
