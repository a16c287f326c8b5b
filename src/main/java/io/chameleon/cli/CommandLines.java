package io.chameleon.cli;

import picocli.CommandLine;

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
        return commandLine;
    }
}
