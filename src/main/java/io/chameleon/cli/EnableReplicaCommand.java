package io.chameleon.cli;

import io.chameleon.catalogue.SourceStatus;
import io.chameleon.error.StateException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "enable_replica", aliases = "enable-replica", mixinStandardHelpOptions = true,
        description = "Reset the --source to 'stopped' after an error or a crash, so it can be started again.")
public class EnableReplicaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("enable_replica");
        context.withCatalogue(err, "enable_replica", (catalogue, sources) -> {
            if (catalogue.installedVersion().isEmpty()) {
                catalogue.requireCurrent();
            }
            try {
                catalogue.requireCurrent();
            } catch (StateException versionProblem) {
                // pg_chameleon allows this recovery command on a catalogue of another version, with a warning
                err.println("WARNING: " + versionProblem.getMessage());
            }
            sources.setStatus(name, SourceStatus.STOPPED);
            return null;
        });
        out.println("Source " + name + " enabled (status stopped).");
        return 0;
    }
}
