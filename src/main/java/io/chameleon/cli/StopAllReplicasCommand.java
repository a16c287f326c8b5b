package io.chameleon.cli;

import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.ops.ReplicaStopper;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "stop_all_replicas", aliases = "stop-all-replicas", mixinStandardHelpOptions = true,
        description = "Stop every running replica of the catalogue (before an upgrade, for example).")
public class StopAllReplicasCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        ReplicaStopper stopper = new ReplicaStopper(context.config(err).pidDir());
        context.withCurrentCatalogue(err, "stop_all_replicas", (catalogue, sources) -> {
            int stopped = 0;
            for (SourceOverview source : sources.overview()) {
                if (source.status() == SourceStatus.RUNNING) {
                    out.println(stopper.stop(sources, source.name()));
                    stopped++;
                }
            }
            if (stopped == 0) {
                out.println("No replica is running.");
            }
            return null;
        });
        return 0;
    }
}
