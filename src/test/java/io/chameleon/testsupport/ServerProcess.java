package io.chameleon.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server or setup command running as a child process, its output appended to a log file we can quote on failure. */
final class ServerProcess {

    private static final int LOG_TAIL_LINES = 40;

    private final String description;
    private final Process process;
    private final Path log;

    private ServerProcess(String description, Process process, Path log) {
        this.description = description;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String description, List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // servers never read stdin
            return new ServerProcess(description, process, log);
        } catch (IOException e) {
            throw new ServerException("Could not launch " + description + ": " + String.join(" ", command), e);
        }
    }

    /** Runs a setup command (install-db, initdb, pg_ctl stop) to completion; a non-zero exit fails with the log tail. */
    static void run(String description, List<String> command, Path log, Duration timeout) {
        ServerProcess step = start(description, command, log);
        if (!step.awaitExit(timeout)) {
            step.kill();
            throw new ServerException(description + " did not finish within " + timeout.toSeconds() + " s\n"
                    + step.logTailSection());
        }
        if (step.process.exitValue() != 0) {
            throw new ServerException(description + " failed with exit code " + step.process.exitValue()
                    + "\ncommand: " + String.join(" ", command) + "\n" + step.logTailSection());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Null while the process runs; otherwise why it is gone, for {@link Deadline#await}. */
    String exitReason() {
        return process.isAlive() ? null
                : description + " exited with code " + process.exitValue() + "\n" + logTailSection();
    }

    Path log() {
        return log;
    }

    boolean logContains(String text) {
        return readLog().contains(text);
    }

    String logTailSection() {
        List<String> lines = readLog().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        return "--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail) + "\n--- end of log ---";
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the process to terminate (SIGTERM) and waits; kills it and its children if it overstays. */
    void terminate(Duration grace) {
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** SIGKILL for the process and everything it started (runuser's child is the real server). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private String readLog() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log written)";
        } catch (IOException e) {
            return "(could not read log: " + e.getMessage() + ")";
        }
    }
}
