package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.CopyScope;
import io.chameleon.copy.CopySettings;
import io.chameleon.copy.CopySummary;
import io.chameleon.copy.ReplicaCopy;
import io.chameleon.mysql.SourceConnector;
import picocli.CommandLine.Model.CommandSpec;

/** What init_replica, refresh_schema, sync_tables and copy_schema share: build the copy and run it. */
final class CopyCommands {

    private CopyCommands() {
    }

    static CopySummary run(ChameleonCommand root, CommandSpec spec, String command, CopyScope scope) {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        CommandContext context = root.context();
        String name = context.requireSource(command);
        ChameleonConfig config = context.config(err);
        SourceConfig source = config.source(name);
        context.withCurrentCatalogue(err, command, (catalogue, sources) -> sources.require(name));
        ReplicaCopy copy = new ReplicaCopy(config, source, context.postgres(err, command), new SourceConnector(source),
                CopySettings.of(source, System.console() != null), out);
        return copy.run(scope, command);
    }
}
