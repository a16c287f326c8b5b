package io.chameleon.cli;

import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged application as a real process, as an operator does. drop_source waits at its confirmation
 * prompt, which gives time to look at the sockets of the live process.
 */
class CliProcessIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void aCliCommandOpensNoListeningPort(@TempDir Path home) throws Exception {
        Path config = TestConfig.target("127.0.0.1", 1, "nobody", "never-shown-secret", "nowhere").write(home, "unreachable");
        Process process = new ProcessBuilder("java", "-jar", APP.toString(), "drop_source", "--source", "shop",
                "--config", config.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String prompt = readUntil(out, "Type YES to continue:", Duration.ofSeconds(60));
            assertThat(prompt).contains("drop source 'shop'");

            List<Integer> ports = ListeningSockets.portsOf(process.pid());

            assertThat(ports).as("ports the CLI process listens on").isEmpty();
            in.write("no\n");
            in.flush();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(rest.toString()).contains("ERROR: drop_source not confirmed; nothing was changed")
                    .doesNotContain("never-shown-secret");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void helpListsPgChameleonCommandNamesAndExitCodes() throws Exception {
        Process process = new ProcessBuilder("java", "-jar", APP.toString(), "--help").redirectErrorStream(true).start();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(help).contains("create_replica_schema, create-replica-schema", "add_source, add-source",
                "show_status, show-status", "Exit codes: 0 success");
    }

    @Test
    void printsEverythingBeforeTheProcessExits(@TempDir Path home) throws Exception {
        Path config = TestConfig.target("127.0.0.1", 1, "nobody", "hidden-secret", "nowhere").write(home, "printed");
        Process process = new ProcessBuilder("java", "-jar", APP.toString(), "show_config", "--config",
                config.toString()).redirectErrorStream(true).start();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(shown).containsPattern("pg_conn\\.password +\\*{8}\n").contains("Source shop", "net_read_timeout")
                .doesNotContain("hidden-secret");
    }

    private static String readUntil(BufferedReader reader, String marker, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        StringBuilder seen = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            int c = reader.read();
            if (c < 0) {
                break;
            }
            seen.append((char) c);
            if (seen.indexOf(marker) >= 0) {
                return seen.toString();
            }
        }
        throw new AssertionError("did not see '" + marker + "' in time; output was:\n" + seen);
    }
}
