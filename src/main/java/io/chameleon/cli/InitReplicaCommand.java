package io.chameleon.cli;

import io.chameleon.copy.CopyScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "init_replica", aliases = "init-replica", mixinStandardHelpOptions = true,
        description = "Copy every table of the --source into PostgreSQL from consistent snapshots and record where "
                + "replication starts.")
public class InitReplicaCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--foreground", description = "Copy in this process instead of in the background (for scripts"
            + " that wait for the end, systemd units and containers); --debug and log_dest: stdout do the same.")
    boolean foreground;

    @Override
    public Integer call() {
        return CopyCommands.run(root, spec, "init_replica", CopyScope.all(), foreground);
    }
}
