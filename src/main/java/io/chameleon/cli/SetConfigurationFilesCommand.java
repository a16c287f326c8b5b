package io.chameleon.cli;

import io.chameleon.config.ChameleonHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "set_configuration_files", aliases = "set-configuration-files", mixinStandardHelpOptions = true,
        description = "Create ~/.pg_chameleon/{configuration,logs,pid} and put the example configuration there.")
public class SetConfigurationFilesCommand implements Callable<Integer> {

    static final String EXAMPLE = "config-example.yml";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        Path home = ChameleonHome.directory();
        for (String dir : new String[] {"configuration", "logs", "pid"}) {
            Path path = home.resolve(dir);
            Files.createDirectories(path);
            restrictToOwner(path);
            out.println("Directory " + path);
        }
        restrictToOwner(home);
        Path example = home.resolve("configuration").resolve(EXAMPLE);
        byte[] packaged = packagedExample();
        if (Files.exists(example) && Arrays.equals(Files.readAllBytes(example), packaged)) {
            out.println("Example configuration " + example + " is up to date.");
        } else {
            Files.write(example, packaged);
            out.println("Example configuration written to " + example
                    + "; copy it to default.yml (or another name) and edit it.");
        }
        return 0;
    }

    private static byte[] packagedExample() {
        try (InputStream in = SetConfigurationFilesCommand.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration holds passwords: keep the tree private (pg_chameleon does chmod 700). */
    private static void restrictToOwner(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to restrict on this file system
        }
    }
}
