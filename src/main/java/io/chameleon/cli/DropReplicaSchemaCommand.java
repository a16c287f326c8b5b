package io.chameleon.cli;

import io.chameleon.catalogue.CatalogueMigrations;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "drop_replica_schema", aliases = "drop-replica-schema", mixinStandardHelpOptions = true,
        description = "Drop the replica catalogue. Replicated schemas and their data are not touched.")
public class DropReplicaSchemaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        root.context().withCatalogue(err, "drop_replica_schema", (catalogue, sources) -> {
            if (catalogue.installedVersion().filter(v -> v == CatalogueMigrations.latestVersion()).isPresent()) {
                ActiveSources.refuseIfAny(sources, "drop the replica catalogue");
            }
            out.println(catalogue.drop()
                    ? "Replica catalogue " + catalogue.schema() + " dropped; replicated schemas left as they are."
                    : "No replica catalogue in schema " + catalogue.schema() + "; nothing to do.");
            return null;
        });
        return 0;
    }
}
