package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePermissionWarningTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    private List<String> permissionWarnings(String mode) throws IOException {
        Path file = ConfigFiles.write(dir, ConfigFiles.validTree());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return ConfigFiles.load(file).warnings().stream().filter(w -> w.contains("chmod")).toList();
    }

    @Test
    void fileReadableByOthersIsWarnedAbout() throws IOException {
        Path file = ConfigFiles.write(dir, ConfigFiles.validTree());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> warnings = ConfigFiles.load(file).warnings();

        assertEquals(List.of("configuration file " + file + " is readable by group/others (mode 644):"
                + " it holds passwords; run chmod 600 " + file), warnings);
    }

    @Test
    void fileReadableByOwnerOnlyIsQuiet() throws IOException {
        assertEquals(List.of(), permissionWarnings("rw-------"));
    }
}
