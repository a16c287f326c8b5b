package io.chameleon.cli;

import io.chameleon.config.ConfigReport;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "show_config", aliases = "show-config", mixinStandardHelpOptions = true,
        description = "Print the configuration (passwords masked).")
public class ShowConfigCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        out.print(ConfigReport.showConfig(root.context().config(spec.commandLine().getErr())));
        out.flush();
        return 0;
    }
}
