package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.error.StateException;
import io.chameleon.ops.PidFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the replica as a background process: the same program and arguments plus {@code --foreground}, its log in
 * {@link ReplicaLogFile}, what it prints appended beside it. Returns once the child holds its pid file, or fails with
 * the end of its log when it dies first.
 */
final class Detacher {

    private static final long WAIT_MILLIS = 60_000;

    private Detacher() {
    }

    static long detach(ChameleonConfig config, String source, String configName, PrintWriter err) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElseThrow(() -> new StateException("cannot tell how this program was started; "
                + "run start_replica --foreground under a service manager instead")));
        self.arguments().ifPresent(args -> command.addAll(List.of(args)));
        command.add("--foreground");
        Path log = ReplicaLogFile.output(config, configName, source);
        try {
            Files.createDirectories(log.getParent());
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            PidFile pidFile = new PidFile(config.pidDir(), source);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                Optional<ProcessHandle> owner = pidFile.liveProcess();
                if (owner.isPresent() && owner.get().pid() == child.pid()) {
                    err.println("Logging to " + ReplicaLogFile.log(config, configName, source));
                    return child.pid();
                }
                if (!child.isAlive()) {
                    throw new StateException("the replica process exited with code " + child.exitValue()
                            + "; end of " + log + ":\n" + tail(log));
                }
                Thread.sleep(100);
            }
            throw new StateException("the replica process did not start within " + WAIT_MILLIS / 1000 + " s; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the replica process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while starting the replica process");
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
