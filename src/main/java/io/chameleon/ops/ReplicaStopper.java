package io.chameleon.ops;

import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.error.StateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the replica of a source gracefully: SIGTERM to the process named by its pid file, which finishes the
 * transaction at hand and records status stopped. A status left "running" by a dead process is corrected.
 */
public final class ReplicaStopper {

    private static final Duration GRACE = Duration.ofSeconds(120);

    private final Path pidDir;

    public ReplicaStopper(Path pidDir) {
        this.pidDir = pidDir;
    }

    /** @return a line saying what was done */
    public String stop(SourceRepository sources, String source) {
        Optional<ProcessHandle> process = new PidFile(pidDir, source).liveProcess();
        if (process.isPresent()) {
            ProcessHandle handle = process.get();
            handle.destroy();
            try {
                handle.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new StateException("the replica of " + source + " (pid " + handle.pid() + ") did not stop within "
                        + GRACE.toSeconds() + " s; it is still finishing its work, or stuck: see its log");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateException("interrupted while waiting for the replica of " + source + " to stop");
            } catch (ExecutionException e) {
                throw new StateException("cannot wait for the replica of " + source + ": " + e.getMessage());
            }
            return "Replica of source " + source + " (pid " + handle.pid() + ") stopped.";
        }
        SourceOverview overview = sources.overview().stream().filter(o -> o.name().equals(source)).findFirst()
                .orElseThrow(() -> new StateException("source '" + source + "' is not registered in the catalogue"));
        if (overview.status() == SourceStatus.RUNNING) {
            if (overview.effectiveStatus().equals("running")) {
                throw new StateException("the replica of " + source + " runs on host " + overview.processHost()
                        + " (pid " + overview.processPid() + "); stop it there");
            }
            sources.setStatus(source, SourceStatus.STOPPED, "its process had died; marked stopped by stop_replica");
            return "Replica of source " + source + " was not running (its process had died); status set to stopped.";
        }
        return "Replica of source " + source + " is not running (status " + overview.status().label() + ").";
    }
}
