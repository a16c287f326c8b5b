package io.chameleon.cli;

import io.chameleon.copy.CopyScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "refresh_schema", aliases = "refresh-schema", mixinStandardHelpOptions = true,
        description = "Copy again every table of one MySQL database (--schema) of the --source and swap the "
                + "PostgreSQL schema it maps to.")
public class RefreshSchemaCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--foreground", description = "Copy in this process instead of in the background (for scripts"
            + " that wait for the end, systemd units and containers); --debug and log_dest: stdout do the same.")
    boolean foreground;

    @Option(names = "--schema", required = true, paramLabel = "MYSQL_DATABASE",
            description = "The MySQL database (origin schema) to copy again.")
    String schema;

    @Override
    public Integer call() {
        return CopyCommands.run(root, spec, "refresh_schema", CopyScope.schema(schema), foreground);
    }
}
