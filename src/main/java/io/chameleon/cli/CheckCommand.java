package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.error.ExitStatus;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.preflight.CheckResult;
import io.chameleon.preflight.Preflight;
import io.chameleon.preflight.PreflightReport;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", aliases = "check-source", mixinStandardHelpOptions = true,
        description = "Check that the --source and the target PostgreSQL are set up for replication: version, binlog "
                + "settings and retention, server ids, GTID mode, the users' privileges, tables without a key, types "
                + "mapped with loss, extensions, free space. One line per check with ok / warn / fail, the value "
                + "found and the fix. Exit status 5 when a check fails.")
public class CheckCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("check");
        ChameleonConfig config = context.config(err);
        var source = config.source(name);
        List<CheckResult> results = Preflight.all(config, source, new SourceConnector(source),
                context.postgres(err, "check"));
        PreflightReport.print(name, results, out);
        return results.stream().anyMatch(CheckResult::failed) ? ExitStatus.STATE.code() : 0;
    }
}
