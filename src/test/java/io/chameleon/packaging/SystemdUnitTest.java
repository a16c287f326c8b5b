package io.chameleon.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * systemd-analyze verify accepts deploy/systemd/chameleon@.service without a warning. It runs against a scratch root
 * ({@code --root}) holding the unit, the system's own unit files (the targets it is ordered after) and an executable
 * at ExecStart's path, which verify requires to exist.
 */
class SystemdUnitTest {

    private static final Path SYSTEM_UNITS = Path.of("/usr/lib/systemd/system");

    @TempDir
    Path root;

    @Test
    void verifiesWithoutAWarning() throws Exception {
        SystemdUnit unit = installInto(root);
        ProgramRun.fakeExecutable(inRoot(unit.execStart().get(0)));

        ProgramRun verified = verify("chameleon@shop.service");

        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out() + verified.err()).as("what systemd-analyze verify printed").isEmpty();
    }

    @Test
    void theVerificationSeesAMissingExecutable() throws Exception {
        SystemdUnit unit = installInto(root);

        ProgramRun verified = verify("chameleon@shop.service");

        assertThat(verified.exitCode()).as(verified.toString()).isNotZero();
        assertThat(verified.err()).contains("Command " + unit.execStart().get(0) + " is not executable");
    }

    @Test
    void runsTheReplicaOfTheInstanceInTheForegroundAsItsOwnUser() throws Exception {
        SystemdUnit unit = SystemdUnit.template();

        assertThat(unit.execStart()).containsExactly("/usr/local/bin/chameleon", "start_replica", "--foreground",
                "--config", "/etc/chameleon/chameleon.yml", "--source", "%i");
        assertThat(unit.value("User")).isEqualTo("chameleon");
        assertThat(unit.value("Environment")).isEqualTo("CHAMELEON_HOME=/var/lib/chameleon");
        assertThat(unit.value("StateDirectory")).isEqualTo("chameleon");
        assertThat(unit.value("ProtectSystem")).isEqualTo("strict");
        assertThat(unit.value("Restart")).isEqualTo("on-failure");
    }

    private SystemdUnit installInto(Path root) throws Exception {
        SystemdUnit.analyzer();
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        // regular files only: the aliases among them are absolute links, which --root would resolve into itself
        try (Stream<Path> files = Files.list(SYSTEM_UNITS)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.copy(file, units.resolve(file.getFileName()));
            }
        }
        Path unit = Files.createDirectories(root.resolve("etc/systemd/system")).resolve("chameleon@.service");
        Files.copy(SystemdUnit.TEMPLATE, unit);
        return SystemdUnit.template();
    }

    private Path inRoot(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private ProgramRun verify(String unitName) throws Exception {
        return ProgramRun.run(List.of(SystemdUnit.analyzer().toString(), "--root=" + root, "verify", unitName),
                Map.of(), Files.createDirectories(root.resolve("scratch")));
    }
}
