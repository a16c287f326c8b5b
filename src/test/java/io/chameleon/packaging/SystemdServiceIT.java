package io.chameleon.packaging;

import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit's ExecStart, as written, run through the JVM launcher: /usr/local/bin/chameleon becomes scripts/chameleon,
 * /etc/chameleon and /var/lib/chameleon scratch directories, %i the source. Each failure a service can meet at start
 * exits with its documented status, and the unit restarts exactly those that may pass on another try. (SIGTERM to a
 * running replica exiting 0 is ReplicaLifecycleIT's.)
 */
class SystemdServiceIT {

    private static final Path LAUNCHER = Path.of("scripts", "chameleon").toAbsolutePath();

    @TempDir
    Path scratch;

    @Test
    void aMissingConfigurationExitsWithTheConfigurationStatusAndIsNotRestarted() throws Exception {
        ProgramRun run = execStart();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("ERROR: configuration file not found: " + configuration());
        assertThat(SystemdUnit.template().restartPreventedFor()).contains(3);
    }

    @Test
    void anUnreachableTargetExitsWithTheConnectionStatusAndIsRestarted() throws Exception {
        int closed = freePort();
        TestConfig.target("127.0.0.1", closed, "chameleon", "never-shown-secret", "replica").write(etc(), "chameleon");

        ProgramRun run = execStart();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("ERROR: cannot connect to PostgreSQL 127.0.0.1:" + closed)
                .doesNotContain("never-shown-secret");
        assertThat(SystemdUnit.template().restartPreventedFor()).doesNotContain(4);
    }

    @Test
    void aHealthPortStillHeldExitsWithTheInternalStatusAndIsRestarted() throws Exception {
        // the previous instance, or another program, still holds the port: worth another try after RestartSec
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestConfig.target("127.0.0.1", freePort(), "chameleon", "secret", "replica")
                    .set("HEALTH_PORT", Integer.toString(held.getLocalPort())).write(etc(), "chameleon");

            ProgramRun run = execStart();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out() + run.err()).contains("Port " + held.getLocalPort() + " seems to be in use");
        }
        assertThat(SystemdUnit.template().restartPreventedFor()).doesNotContain(1);
    }

    private ProgramRun execStart() throws Exception {
        SystemdUnit unit = SystemdUnit.template();
        List<String> command = unit.execStart().stream().map(word -> switch (word) {
            case "/usr/local/bin/chameleon" -> LAUNCHER.toString();
            case "/etc/chameleon/chameleon.yml" -> configuration().toString();
            case "%i" -> "shop";
            default -> word;
        }).toList();
        String home = unit.value("Environment").replace("/var/lib/chameleon", state().toString());
        String[] variable = home.split("=", 2);
        return ProgramRun.run(command, Map.of(variable[0], variable[1]),
                Files.createDirectories(scratch.resolve("runs")));
    }

    private Path configuration() {
        return scratch.resolve("etc/chameleon.yml");
    }

    private Path etc() throws Exception {
        return Files.createDirectories(scratch.resolve("etc"));
    }

    private Path state() throws Exception {
        return Files.createDirectories(scratch.resolve("var/lib/chameleon"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
