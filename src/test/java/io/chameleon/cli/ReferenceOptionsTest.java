package io.chameleon.cli;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every option pg_chameleon accepts on every command (--config --source --schema --tables --logid --debug
 * --rollbar-level --full --version) is accepted by every command, so existing scripts run; where it means nothing
 * for the command a NOTE says so; --tables stays refused by init_replica, as in pg_chameleon.
 */
class ReferenceOptionsTest {

    private static final List<String> EVERY_REFERENCE_OPTION = List.of("--config", "cfg", "--source", "shop",
            "--schema", "shop_db", "--tables", "shop_db.items", "--logid", "3", "--debug", "--rollbar-level",
            "critical", "--full");

    @Test
    void everyCommandParsesEveryReferenceOption() {
        CommandLine commandLine = CommandLines.create(CommandLine.defaultFactory());
        List<String> refused = new ArrayList<>();
        for (String command : commandLine.getSubcommands().keySet()) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(EVERY_REFERENCE_OPTION);
            try {
                CommandLines.create(CommandLine.defaultFactory()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                refused.add(command + ": " + e.getMessage());
            }
        }
        assertThat(commandLine.getSubcommands()).containsKeys("init_replica", "start_replica", "show_status",
                "run_maintenance", "update_schema_mappings", "show_errors", "sync_tables", "refresh_schema");
        assertThat(refused).isEmpty();
    }

    @Test
    void optionsACommandIgnoresAreNamedInANote(@TempDir Path home) {
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "secret", "db").write(home, "notes").toString();

        CliRunner.Result shown = CliRunner.run("show_config", "--config", config, "--source", "shop", "--tables", "*",
                "--schema", "*", "--logid", "*", "--full", "--rollbar-level", "error");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("pg_conn.host");
        assertThat(shown.err()).contains(
                "NOTE: --tables is ignored by show_config (accepted because pg_chameleon takes it on every command)",
                "NOTE: --schema is ignored by show_config", "NOTE: --logid is ignored by show_config",
                "NOTE: --full is ignored by show_config",
                "NOTE: --rollbar-level is ignored by show_config, which sends no alerts");
    }

    @Test
    void meaningfulOptionsGetNoNote(@TempDir Path home) {
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "secret", "db").write(home, "quiet").toString();

        CliRunner.Result shown = CliRunner.run("show_sources", "--config", config);

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.err()).doesNotContain("NOTE:");
    }

    @Test
    void initReplicaRefusesTablesAsPgChameleonDoes(@TempDir Path home) {
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "secret", "db").write(home, "init").toString();

        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop", "--tables",
                "shop_db.items");

        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).contains("init_replica works on every table of the source and does not take --tables",
                "sync_tables --tables a.b,c.d");
    }

    @Test
    void everyCommandAnswersVersionAndHidesTheIgnoredOptionsFromItsHelp() {
        CliRunner.Result version = CliRunner.run("show_status", "--version");
        CliRunner.Result help = CliRunner.run("show_status", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("chameleon ");
        assertThat(help.out()).contains("--rollbar-level").doesNotContain("--logid", "--full", "--tables");
    }

    @Test
    void rollbarLevelTakesPgChameleonsLevels() {
        for (String level : List.of("critical", "error", "warning", "info", "INFO")) {
            assertThatCode(() -> CommandLines.create(CommandLine.defaultFactory()).parseArgs("start_replica",
                    "--rollbar-level", level)).doesNotThrowAnyException();
        }
        CliRunner.Result wrong = CliRunner.run("show_status", "--rollbar-level", "loud");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--rollbar-level", "loud");
    }
}
