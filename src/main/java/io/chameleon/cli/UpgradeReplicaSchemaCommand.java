package io.chameleon.cli;

import io.chameleon.catalogue.CatalogueMigration;
import io.chameleon.catalogue.CatalogueMigrations;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "upgrade_replica_schema", aliases = "upgrade-replica-schema", mixinStandardHelpOptions = true,
        description = "Apply the catalogue migrations newer than the installed version, in order. "
                + "Refuses while a source is running.")
public class UpgradeReplicaSchemaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        root.context().withCatalogue(err, "upgrade_replica_schema", (catalogue, sources) -> {
            int before = catalogue.installedVersion().orElse(0);
            if (before == CatalogueMigrations.latestVersion()) {
                out.println("Replica catalogue " + catalogue.schema() + " is already at version " + before + ".");
                return null;
            }
            if (before > 0) {
                ActiveSources.refuseIfAny(sources, "upgrade the replica catalogue");
            }
            List<CatalogueMigration> applied = catalogue.upgrade();
            for (CatalogueMigration migration : applied) {
                out.println("Applied catalogue migration " + migration.version() + ": " + migration.description());
            }
            out.println("Replica catalogue " + catalogue.schema() + " upgraded from version " + before
                    + " to " + CatalogueMigrations.latestVersion() + ".");
            return null;
        });
        return 0;
    }
}
