package io.chameleon.cli;

import io.chameleon.copy.CopyScope;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "copy_schema", aliases = "copy-schema", mixinStandardHelpOptions = true,
        description = "Create the tables, keys and indexes of the --source in PostgreSQL without copying data.")
public class CopySchemaCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return CopyCommands.run(root, spec, "copy_schema", CopyScope.structureOnly(), true);
    }
}
