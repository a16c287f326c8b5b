package io.chameleon.cli;

import io.chameleon.error.ExitStatus;
import io.chameleon.notify.NotificationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The {@code chameleon} command. Global options are inherited, so they may stand before or after the command
 * name (pg_chameleon users write them after). Every command has pg_chameleon's name and a kebab-case alias.
 */
@Command(name = "chameleon", mixinStandardHelpOptions = true, versionProvider = ChameleonVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Replicates MySQL/MariaDB databases into PostgreSQL.",
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 usage, 3 configuration, 4 connection, 5 state"
                + " (check: a check failed), 6 data (verify: rows differ)."},
        subcommands = {
                SetConfigurationFilesCommand.class,
                ShowConfigCommand.class,
                ShowSourcesCommand.class,
                CreateReplicaSchemaCommand.class,
                DropReplicaSchemaCommand.class,
                UpgradeReplicaSchemaCommand.class,
                AddSourceCommand.class,
                DropSourceCommand.class,
                DetachReplicaCommand.class,
                ShowStatusCommand.class,
                EnableReplicaCommand.class,
                InitReplicaCommand.class,
                SyncTablesCommand.class,
                RefreshSchemaCommand.class,
                CopySchemaCommand.class,
                StartReplicaCommand.class,
                StopReplicaCommand.class,
                StopAllReplicasCommand.class,
                ShowErrorsCommand.class,
                UpdateSchemaMappingsCommand.class,
                RunMaintenanceCommand.class,
                VerifyCommand.class,
                CheckCommand.class,
                RehearseReplicaStartCommand.class,
        })
public class ChameleonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME|PATH", defaultValue = "default", scope = ScopeType.INHERIT,
            description = "Configuration name in ~/.pg_chameleon/configuration/ or a file path (default: ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--source", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Source name from the configuration.")
    String source;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Run in the foreground; show stack traces of unexpected errors.")
    boolean debug;

    @Option(names = "--rollbar-level", paramLabel = "LEVEL", defaultValue = "info", scope = ScopeType.INHERIT,
            description = "Least severe alert sent to Rollbar and notification_webhook: critical, error, warning or"
                    + " info (default: ${DEFAULT-VALUE}).")
    NotificationLevel rollbarLevel;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE.code();
    }

    CommandContext context() {
        return new CommandContext(config, source, debug, rollbarLevel);
    }
}
