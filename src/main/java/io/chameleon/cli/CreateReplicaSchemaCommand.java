package io.chameleon.cli;

import io.chameleon.catalogue.CatalogueMigrations;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "create_replica_schema", aliases = "create-replica-schema", mixinStandardHelpOptions = true,
        description = "Install the replica catalogue in the target database (does nothing when it is there).")
public class CreateReplicaSchemaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        root.context().withCatalogue(err, "create_replica_schema", (catalogue, sources) -> {
            if (catalogue.create()) {
                out.println("Replica catalogue created in schema " + catalogue.schema() + " (version "
                        + CatalogueMigrations.latestVersion() + ").");
            } else {
                out.println("Replica catalogue already present in schema " + catalogue.schema() + " (version "
                        + CatalogueMigrations.latestVersion() + "); nothing to do.");
            }
            return null;
        });
        return 0;
    }
}
