package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.LogDestination;
import io.chameleon.config.ConfigLoader;
import picocli.CommandLine;

import java.util.List;

/** Decides from the arguments whether the selected command needs the Quarkus runtime, and prepares it. */
final class RuntimeSelector {

    private RuntimeSelector() {
    }

    /** True when the command the arguments select is marked {@link NeedsRuntime}; bad arguments run directly. */
    static boolean needsRuntime(CommandLine commandLine, String... args) {
        return selected(commandLine, args) != null;
    }

    /**
     * Sets the Quarkus properties read at boot from the configuration: the health endpoint listens on
     * health_address and the source's health_port, and the application logs at log_level. Problems are left for the command to report.
     */
    static void prepare(CommandLine commandLine, String... args) {
        CommandLine.ParseResult parsed = selected(commandLine, args);
        if (parsed == null) {
            return;
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        if (chain.get(chain.size() - 1).getCommandSpec().userObject() instanceof RehearseReplicaStartCommand) {
            // the launcher's training: the replica's endpoints, on loopback only and a port that was free just now
            // (Quarkus does pick a port for 0, but then tells it only through its own registry)
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.http.port", Integer.toString(RehearseReplicaStartCommand.freePort()));
            return;
        }
        ChameleonCommand root = (ChameleonCommand) parsed.commandSpec().userObject();
        try {
            ChameleonConfig config = ConfigLoader.load(root.config).config();
            int port = config.source(root.source).healthPort();
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.http.host", config.healthAddress());
            System.setProperty("quarkus.http.port", Integer.toString(port));
            System.setProperty("quarkus.log.category.\"io.chameleon\".level", quarkusLevel(config.logLevel()));
            if (config.logDest() == LogDestination.FILE && !root.debug) {
                ReplicaLogFile.configure(config, root.config, root.source);
            }
        } catch (RuntimeException reportedByTheCommand) {
            // the command loads the configuration again and reports what is wrong
        }
    }

    /** log_level as a JBoss log level name (pg_chameleon says WARNING, JBoss logging WARN). */
    static String quarkusLevel(io.chameleon.config.LogLevel level) {
        return level == io.chameleon.config.LogLevel.WARNING ? "WARN" : level.name();
    }

    private static CommandLine.ParseResult selected(CommandLine commandLine, String... args) {
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args);
            List<CommandLine> chain = parsed.asCommandLineList();
            Object command = chain.get(chain.size() - 1).getCommandSpec().userObject();
            if (!command.getClass().isAnnotationPresent(NeedsRuntime.class)) {
                return null;
            }
            // a replica started in the background only spawns its process: that one boots the runtime
            if (command instanceof StartReplicaCommand start
                    && !start.staysInForeground((ChameleonCommand) parsed.commandSpec().userObject())) {
                return null;
            }
            return parsed;
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }
}
