package io.chameleon.ops;

import io.chameleon.error.StateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <pid_dir>/<source>.pid}: which process replicates a source on this host; {@code <source>_copy.pid}: which
 * process copies it (init_replica, sync_tables, refresh_schema). Separate files, so that stop_replica never stops a
 * copy and a copy can stop the replica it replaces.
 */
public final class PidFile {

    private final Path path;
    private final String held;

    public PidFile(Path pidDir, String source) {
        this(pidDir.resolve(source + ".pid"), "source " + source + " is already replicated by process",
                "stop it with stop_replica first");
    }

    private PidFile(Path path, String what, String fix) {
        this.path = path;
        this.held = what + " %d (" + path + "); " + fix;
    }

    /** The pid file of the copy of a source. */
    public static PidFile copy(Path pidDir, String source) {
        return new PidFile(pidDir.resolve(source + "_copy.pid"), "a copy of source " + source
                + " is already running: it is copied by process",
                "wait for that copy to finish (show_status --source " + source + ")");
    }

    public Path path() {
        return path;
    }

    /** The live process named in the file; a file naming a dead process is stale and removed. */
    public Optional<ProcessHandle> liveProcess() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                Files.deleteIfExists(path);
            }
            return process;
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Refuses when another live process holds the file. */
    public void refuseIfHeld() {
        liveProcess().filter(p -> p.pid() != ProcessHandle.current().pid()).ifPresent(p -> {
            throw new StateException(String.format(held, p.pid()));
        });
    }

    /** Claims the file for this process; refuses when another live process holds it. */
    public void claim() {
        claimFor(ProcessHandle.current().pid());
    }

    /**
     * Claims the file for the given process (a background child this process just started, so that the command
     * returns at once); refuses when another live process holds it.
     */
    public synchronized void claimFor(long pid) {
        liveProcess().filter(p -> p.pid() != pid && p.pid() != ProcessHandle.current().pid()).ifPresent(p -> {
            throw new StateException(String.format(held, p.pid()));
        });
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + path, e);
        }
    }

    public void release() {
        try {
            Optional<ProcessHandle> owner = liveProcess();
            if (owner.isEmpty() || owner.get().pid() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a stale file is recognised as such by the next reader of it
        }
    }
}
