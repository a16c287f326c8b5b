package io.chameleon.cli;

import io.chameleon.ops.ReplicaStopper;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "stop_replica", aliases = "stop-replica", mixinStandardHelpOptions = true,
        description = "Stop the replica of the --source at a transaction boundary (status stopped).")
public class StopReplicaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("stop_replica");
        ReplicaStopper stopper = new ReplicaStopper(context.config(err).pidDir());
        String done = context.withCurrentCatalogue(err, "stop_replica", (catalogue, sources) -> stopper.stop(sources, name));
        spec.commandLine().getOut().println(done);
        return 0;
    }
}
