package io.chameleon.cli;

import io.chameleon.copy.CopyScope;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "init_replica", aliases = "init-replica", mixinStandardHelpOptions = true,
        description = "Copy every table of the --source into PostgreSQL from consistent snapshots and record where "
                + "replication starts.")
public class InitReplicaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CopyCommands.run(root, spec, "init_replica", CopyScope.all());
        return 0;
    }
}
