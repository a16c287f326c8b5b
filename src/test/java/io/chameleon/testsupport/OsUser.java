package io.chameleon.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Who we run as, and how to run a command as another OS user when we are root (PostgreSQL refuses root). */
final class OsUser {

    private OsUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command unchanged for a normal user; wrapped in {@code runuser -u <user> --} for root. */
    static List<String> runAs(String osUser, List<String> command) {
        if (!isRoot()) {
            return command;
        }
        String runuser = Binaries.find("runuser")
                .orElseThrow(() -> new ServerException("Running as root, but 'runuser' (util-linux) was not found to run "
                        + command.get(0) + " as OS user '" + osUser + "'"))
                .toString();
        List<String> wrapped = new ArrayList<>(List.of(runuser, "-u", osUser, "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
