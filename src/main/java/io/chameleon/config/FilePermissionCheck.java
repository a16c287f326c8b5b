package io.chameleon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** Warns when a configuration file, which holds passwords, can be read by other users. */
final class FilePermissionCheck {

    private FilePermissionCheck() {
    }

    static Optional<String> warning(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(FilePermissionCheck::isReadableByOthers)) {
            return Optional.empty();
        }
        return Optional.of("configuration file " + file + " is readable by group/others (mode " + octal(permissions)
                + "): it holds passwords; run chmod 600 " + file);
    }

    private static boolean isReadableByOthers(PosixFilePermission permission) {
        return switch (permission) {
            case GROUP_READ, OTHERS_READ -> true;
            default -> false;
        };
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // PosixFilePermission is declared owner rwx, group rwx, others rwx: ordinal 0 is the highest bit.
            mode |= 1 << (8 - permission.ordinal());
        }
        return Integer.toOctalString(mode);
    }
}
