package io.chameleon.cli;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** detach_replica's options and its confirmation; nothing here reaches a server. */
class DetachReplicaCommandTest {

    @Test
    void optionsAreParsedWithTheirDefaults() {
        DetachReplicaCommand plain = parse("detach_replica", "--source", "shop");
        assertThat(plain.yes).isFalse();
        assertThat(plain.force).isFalse();
        assertThat(plain.timeoutSeconds).isEqualTo(300);

        DetachReplicaCommand scripted = parse("detach-replica", "--yes", "--force", "--timeout", "30",
                "--source", "shop");
        assertThat(scripted.yes).isTrue();
        assertThat(scripted.force).isTrue();
        assertThat(scripted.timeoutSeconds).isEqualTo(30);
    }

    @Test
    void aTimeoutThatIsNotANumberIsAUsageError() {
        CliRunner.Result result = CliRunner.run("detach_replica", "--source", "shop", "--timeout", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--timeout");
    }

    @Test
    void withoutYesNothingIsDoneAndTheExitStatusIsUsage(@TempDir Path home) {
        // the configuration points at servers that do not exist: a command that went past the prompt would fail
        // with a connection error (4), not a usage error
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "unused", "nowhere").write(home, "detach")
                .toString();

        CliRunner.Result declined = CliRunner.runWithInput("yes\n", "detach_replica", "--config", config, "--source",
                "shop");
        CliRunner.Result silent = CliRunner.runWithInput("", "detach_replica", "--config", config, "--source",
                "shop");
        CliRunner.Result noSource = CliRunner.run("detach_replica", "--config", config, "--yes");

        assertThat(declined.exitCode()).isEqualTo(2);
        assertThat(declined.out()).contains("You are about to detach source 'shop'", "Type YES to continue");
        assertThat(declined.err()).contains("detach_replica not confirmed; nothing was changed (type YES in capitals"
                + " to confirm)");
        assertThat(silent.exitCode()).isEqualTo(2);
        assertThat(silent.err()).contains("detach_replica needs confirmation and no answer could be read");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).contains("detach_replica needs --source NAME");
    }

    @Test
    void confirmedItGoesOnToTheServers(@TempDir Path home) {
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "unused", "nowhere").write(home, "detach")
                .toString();

        CliRunner.Result confirmed = CliRunner.runWithInput("YES\n", "detach_replica", "--config", config,
                "--source", "shop");

        assertThat(confirmed.exitCode()).as(confirmed.err()).isEqualTo(4);
    }

    private static DetachReplicaCommand parse(String... args) {
        CommandLine commandLine = CommandLines.create(CommandLine.defaultFactory());
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return (DetachReplicaCommand) parsed.subcommand().commandSpec().userObject();
    }
}
