package io.chameleon.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of a local PostgreSQL read from {@code /proc}: one backend, and the whole server (the postmaster, its
 * live children, and the children it has already reaped, so a worker that exits in between is still counted).
 * Only meaningful when the server runs on this machine in the same pid namespace; {@link #of} checks that.
 */
final class PostgresProcessCpu {

    /** CPU nanoseconds of the backend and of the whole server at one moment. */
    record Sample(long backendNanos, long serverNanos) {
        Sample minus(Sample earlier) {
            return new Sample(backendNanos - earlier.backendNanos, serverNanos - earlier.serverNanos);
        }
    }

    private final int backendPid;
    private final int postmasterPid;
    private final long nanosPerTick;

    private PostgresProcessCpu(int backendPid, int postmasterPid, long nanosPerTick) {
        this.backendPid = backendPid;
        this.postmasterPid = postmasterPid;
        this.nanosPerTick = nanosPerTick;
    }

    /** Empty when {@code backendPid} is not a PostgreSQL process visible here (a remote or containerised server). */
    static Optional<PostgresProcessCpu> of(int backendPid) {
        Optional<String[]> backend = stat(backendPid);
        if (backend.isEmpty() || !commandLine(backendPid).startsWith("postgres")) {
            return Optional.empty();
        }
        int postmaster = Integer.parseInt(backend.get()[1]);
        return Optional.of(new PostgresProcessCpu(backendPid, postmaster, 1_000_000_000L / clockTicksPerSecond()));
    }

    Sample sample() {
        long backend = stat(backendPid).map(f -> ticks(f, 11) + ticks(f, 12)).orElse(0L);
        long server = stat(postmasterPid).map(f -> ticks(f, 11) + ticks(f, 12) + ticks(f, 13) + ticks(f, 14))
                .orElse(0L);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            server += processes.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit)).map(name -> stat(Integer.parseInt(name))).flatMap(Optional::stream)
                    .filter(f -> f[1].equals(Integer.toString(postmasterPid)))
                    .mapToLong(f -> ticks(f, 11) + ticks(f, 12)).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return new Sample(backend * nanosPerTick, server * nanosPerTick);
    }

    private static long ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]);
    }

    /** The fields after the command name, from the state (field 3 of proc(5)) on: ppid is [1], utime [11]. */
    private static Optional<String[]> stat(int pid) {
        try {
            String text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return Optional.of(text.substring(text.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty(); // not there, or exited while being read
        }
    }

    private static String commandLine(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
