package io.chameleon.cli;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and a distinct exit code. Expected failures get no stack trace;
 * unexpected ones get it only with --debug.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        err.println("ERROR: " + e.getMessage());
        if (!(e instanceof ChameleonException) && debugRequested(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return getExitCode(e);
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof ChameleonException known) {
            return known.exitStatus().code();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitStatus.USAGE.code();
        }
        return ExitStatus.INTERNAL.code();
    }

    private static boolean debugRequested(CommandLine.ParseResult parseResult) {
        for (String arg : parseResult.originalArgs()) {
            if ("--debug".equals(arg)) {
                return true;
            }
        }
        return false;
    }
}
