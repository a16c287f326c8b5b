package io.chameleon.cli;

import io.chameleon.copy.CopyScope;
import io.chameleon.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sync_tables", aliases = "sync-tables", mixinStandardHelpOptions = true,
        description = "Copy again the listed tables of the --source (--tables a.b,c.d, or 'disabled' for every "
                + "table whose replication stopped on an error) and re-enable them.")
public class SyncTablesCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--foreground", description = "Copy in this process instead of in the background (for scripts"
            + " that wait for the end, systemd units and containers); --debug and log_dest: stdout do the same.")
    boolean foreground;

    @Option(names = "--tables", required = true, paramLabel = "SCHEMA.TABLE,...|disabled",
            description = "Origin schema.table names, comma separated, or 'disabled'.")
    String tables;

    @Override
    public Integer call() {
        List<String> names = "disabled".equals(tables) ? DisabledTables.of(root, spec, "sync_tables")
                : Arrays.stream(tables.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!name.matches("[^.]+\\.[^.]+")) {
                throw new UsageException("--tables: '" + name + "' is not a schema.table name");
            }
        }
        if (names.isEmpty()) {
            spec.commandLine().getOut().println("No tables to synchronise.");
            return 0;
        }
        return CopyCommands.run(root, spec, "sync_tables", CopyScope.tables(names), foreground);
    }
}
