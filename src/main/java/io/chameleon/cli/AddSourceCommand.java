package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.kind.EnumKind;
import io.chameleon.postgres.ReservedSchemaNames;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "add_source", aliases = "add-source", mixinStandardHelpOptions = true,
        description = "Register the --source of the configuration in the catalogue with its schema mappings.")
public class AddSourceCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("add_source");
        SourceConfig source = context.config(err).source(name);
        ReservedSchemaNames.refuse(name, source.schemaMappings(), context.config(err).catalogueSchema());
        SourceRecord added = context.withCurrentCatalogue(err, "add_source",
                (catalogue, sources) -> sources.register(name, EnumKind.word(source.type()), source.schemaMappings()));
        out.println("Source " + added.name() + " added (id " + added.id() + ", status "
                + added.status().label() + ").");
        added.schemaMappings().forEach((from, to) -> out.println("  " + from + " -> " + to));
        return 0;
    }
}
