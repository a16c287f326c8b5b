package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.ops.SchemaMappingUpdate;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "update_schema_mappings", aliases = "update-schema-mappings", mixinStandardHelpOptions = true,
        description = "Apply the schema_mappings of the configuration to the registered --source: rename destination"
                + " schemas, add or remove mapped databases. Stops a running replica and replays what it logged"
                + " first; start it again afterwards.")
public class UpdateSchemaMappingsCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("update_schema_mappings");
        ChameleonConfig config = context.config(err);
        context.withCurrentCatalogue(err, "update_schema_mappings", (catalogue, sources) -> null);
        new SchemaMappingUpdate(config, config.source(name), context.postgres(err, "update_schema_mappings"), out())
                .run();
        return 0;
    }
}
