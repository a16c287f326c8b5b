package io.chameleon.cli;

import io.chameleon.error.UsageException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Builds the configured picocli command line, the same way for the quick-help path and inside Quarkus. */
public final class CommandLines {

    private CommandLines() {
    }

    /** Runs the arguments and flushes what the command printed (the process may exit right after). */
    static int execute(CommandLine.IFactory factory, String... args) {
        return execute(create(factory), args);
    }

    /** Runs the arguments on a command line {@link #create} built (picocli resets it before each parse). */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    public static CommandLine create(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(ChameleonCommand.class, factory);
        FailureReporter reporter = new FailureReporter();
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setExitCodeExceptionMapper(reporter);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        ReferenceOptions referenceOptions = new ReferenceOptions();
        referenceOptions.addTo(commandLine);
        commandLine.setExecutionStrategy(parsed -> {
            PrintWriter err = commandLine.getErr();
            if (parsed.subcommand() != null) {
                RootWarning.warnIfRoot(err);
                try {
                    referenceOptions.check(parsed, err);
                } catch (UsageException e) {
                    throw new CommandLine.ExecutionException(commandLine, e.getMessage(), e);
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine;
    }
}
