package io.chameleon.cli;

import io.chameleon.config.ConfigReport;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "show_sources", aliases = "show-sources", mixinStandardHelpOptions = true,
        description = "Print the sources of the configuration (passwords masked); --source limits it to one.")
public class ShowSourcesCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        CommandContext context = root.context();
        var config = context.config(spec.commandLine().getErr());
        out.print(context.sourceOrNull() == null ? ConfigReport.showSources(config)
                : ConfigReport.showSource(config.source(context.sourceOrNull())));
        out.flush();
        return 0;
    }
}
