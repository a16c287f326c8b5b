package io.chameleon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * pg_chameleon refuses to run as root. Chameleon runs, but warns: a replica running as root writes root-owned pid
 * and log files and reads a configuration holding passwords with every privilege. The systemd unit and the container
 * images run it as a user of its own.
 */
final class RootWarning {

    static final String MESSAGE = "WARNING: chameleon is running as root; run it as a user of its own, as the systemd"
            + " unit and the container images do (deploy/): pid, log and configuration files written as root cannot"
            + " be used by that user later (pg_chameleon refuses to run as root)";

    private RootWarning() {
    }

    static void warnIfRoot(PrintWriter err) {
        if (isRoot(uid())) {
            err.println(MESSAGE);
            err.flush();
        }
    }

    static boolean isRoot(OptionalInt uid) {
        return uid.isPresent() && uid.getAsInt() == 0;
    }

    /** The real user id of this process (Linux: the owner of /proc/self); empty where it cannot be told. */
    static OptionalInt uid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer id ? OptionalInt.of(id) : OptionalInt.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return "root".equals(System.getProperty("user.name")) ? OptionalInt.of(0) : OptionalInt.empty();
        }
    }
}
