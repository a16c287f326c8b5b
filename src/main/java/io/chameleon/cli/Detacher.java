package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.error.StateException;
import io.chameleon.ops.PidFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in the background, as pg_chameleon's daemons do: the same program and arguments plus
 * {@code --foreground}, what it prints appended to a file, stdin from /dev/null. The child runs every check of its
 * command itself. start_replica returns once the child holds the replica's pid file (or reports what the child
 * printed, and its exit code, when it exits first); a copy (init_replica,
 * sync_tables, refresh_schema) claims the copy's pid file for its child and returns at once: the child's progress
 * and end are in the catalogue (show_status) and in its log.
 */
final class Detacher {

    private static final long WAIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 50;

    private Detacher() {
    }

    /** What became of a replica process started in the background. */
    sealed interface Outcome permits Running, Exited {
    }

    /**
     * It holds the replica's pid file: it replicates, or stands by for another host's process; it printed this
     * until then (the warnings of its checks).
     */
    record Running(long pid, String printed) implements Outcome {
    }

    /** It exited before it held the pid file, with this code, having printed this since it was started. */
    record Exited(int code, String printed) implements Outcome {
    }

    /**
     * start_replica in the background: waits until the process holds the replica's pid file, or exits first (a
     * failed check, a busy source: what it printed says which).
     */
    static Outcome detach(ChameleonConfig config, String source, String configName, PrintWriter err) {
        PidFile pidFile = new PidFile(config.pidDir(), source);
        Path output = ReplicaLogFile.output(config, configName, source);
        long printedBefore = sizeOf(output); // the file is appended to run after run: only this run's words count
        Process child = spawn("the replica process", output);
        try {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                Optional<ProcessHandle> owner = pidFile.liveProcess();
                if (owner.isPresent() && owner.get().pid() == child.pid()) {
                    err.println("Logging to " + ReplicaLogFile.log(config, configName, source));
                    return new Running(child.pid(), printedSince(output, printedBefore));
                }
                // returns as soon as the process exits, so that a refusal is reported without delay
                if (child.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return new Exited(child.exitValue(), printedSince(output, printedBefore));
                }
            }
            throw new StateException("the replica process did not start within " + WAIT_MILLIS / 1000 + " s; see "
                    + output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while starting the replica process");
        }
    }

    /**
     * A copy in the background: refused while another copy of the source runs (its pid file), otherwise started
     * with the pid file already naming the child, so that a second copy is refused from this moment on.
     */
    static long detachCopy(ChameleonConfig config, String source, String configName, String command) {
        PidFile pidFile = PidFile.copy(config.pidDir(), source);
        pidFile.refuseIfHeld(); // before anything starts
        Process child = spawn(command, ReplicaLogFile.copyLog(config, configName, source));
        try {
            pidFile.claimFor(child.pid());
        } catch (RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
        return child.pid();
    }

    private static Process spawn(String what, Path output) {
        if (!ChameleonMain.program) {
            throw new StateException("this process is not the chameleon program (an embedding or a test), so it"
                    + " cannot start " + what + " in the background; add --foreground");
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElseThrow(() -> new StateException("cannot tell how this program was started"
                + " to run " + what + " in the background; run it with --foreground (under a service manager, or"
                + " nohup) instead")));
        self.arguments().ifPresent(args -> command.addAll(List.of(args)));
        command.add("--foreground");
        try {
            Files.createDirectories(output.getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what + " in the background", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What was appended to the file after its first {@code offset} bytes. */
    private static String printedSince(Path file, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(Math.min(offset, channel.size()));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
