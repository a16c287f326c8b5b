package io.chameleon.cli;

import io.chameleon.catalogue.ReplicatedTableRepository;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/** The tables of the --source whose replication was switched off, for {@code sync_tables --tables disabled}. */
final class DisabledTables {

    private DisabledTables() {
    }

    static List<String> of(ChameleonCommand root, CommandSpec spec, String command) {
        CommandContext context = root.context();
        String name = context.requireSource(command);
        var err = spec.commandLine().getErr();
        String catalogueSchema = context.config(err).catalogueSchema();
        return context.withCurrentCatalogue(err, command, (catalogue, sources) -> {
            int id = sources.require(name).id();
            return new ReplicatedTableRepository(catalogue.connection(), catalogueSchema).disabled(id);
        });
    }
}
