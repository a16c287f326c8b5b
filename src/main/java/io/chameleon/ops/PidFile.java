package io.chameleon.ops;

import io.chameleon.error.StateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code <pid_dir>/<source>.pid}: which process replicates a source on this host. */
public final class PidFile {

    private final Path path;

    public PidFile(Path pidDir, String source) {
        this.path = pidDir.resolve(source + ".pid");
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

    /** Claims the file for this process; refuses when another live process holds it. */
    public void claim() {
        liveProcess().filter(p -> p.pid() != ProcessHandle.current().pid()).ifPresent(p -> {
            throw new StateException("source is already replicated by process " + p.pid() + " (" + path
                    + "); stop it with stop_replica first");
        });
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
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
