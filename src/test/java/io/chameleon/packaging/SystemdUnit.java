package io.chameleon.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** deploy/systemd/chameleon@.service as the tests read it: the settings of its [Service] section. */
record SystemdUnit(Path file, List<String> lines) {

    static final Path TEMPLATE = Path.of("deploy", "systemd", "chameleon@.service").toAbsolutePath();

    /** systemd-analyze, which the Debian package systemd provides (scripts/prerequisites.sh installs it). */
    static Path analyzer() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "systemd-analyze");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("systemd-analyze is missing: install the Debian package systemd (as root: apt-get "
                + "install -y systemd; scripts/prerequisites.sh does it); the test verifies " + TEMPLATE + " with it");
    }

    static SystemdUnit template() throws IOException {
        return new SystemdUnit(TEMPLATE, Files.readAllLines(TEMPLATE));
    }

    /** Every value of a setting, in order (a setting may be given more than once, e.g. EnvironmentFile). */
    List<String> values(String key) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(key + "=")) {
                values.add(line.substring(key.length() + 1));
            }
        }
        return values;
    }

    String value(String key) {
        List<String> values = values(key);
        if (values.size() != 1) {
            throw new AssertionError(file + " has " + values.size() + " settings " + key + "=, expected one");
        }
        return values.get(0);
    }

    /** ExecStart split into words; the unit quotes nothing, which this checks. */
    List<String> execStart() {
        String line = value("ExecStart");
        if (line.contains("\"") || line.contains("'") || line.contains("\\")) {
            throw new AssertionError("ExecStart quotes or escapes: split it as systemd does before testing it: " + line);
        }
        return Arrays.asList(line.trim().split("\\s+"));
    }

    /** The exit statuses RestartPreventExitStatus lists. */
    List<Integer> restartPreventedFor() {
        return Arrays.stream(value("RestartPreventExitStatus").trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
