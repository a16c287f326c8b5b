package io.chameleon.cli;

import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** add_source, drop_source, show_status and enable_replica through the command line. */
@RealServers
class SourceCommandsTest {

    private final PostgresDatabase database;
    private String catalogue;
    private Path home;
    private String config;

    SourceCommandsTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void catalogueFor(TestInfo test, @TempDir Path home) {
        this.home = home;
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase();
        catalogue = "cat_" + method.substring(0, Math.min(method.length(), 50));
        config = TestConfig.target(database).set("CATALOGUE", catalogue).write(home, "test").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
    }

    @Test
    void addSourceRegistersItAndShowStatusListsIt() {
        CliRunner.Result add = CliRunner.run("add_source", "--config", config, "--source", "shop");
        CliRunner.Result status = CliRunner.run("show_status", "--config", config);

        assertThat(add.exitCode()).isZero();
        assertThat(add.out()).contains("Source shop added", "shop_db -> shop");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out().lines().toList().get(0)).startsWith("Id  Source  Type   Status  Consistent");
        assertThat(status.out().lines().toList().get(2)).matches("\\d+\\s+shop\\s+mysql\\s+ready\\s+No\\s+-\\s+-\\s+-\\s+-");
    }

    @Test
    void globalOptionsMayStandBeforeTheCommand() {
        CliRunner.Result add = CliRunner.run("--config", config, "--source", "shop", "add-source");

        assertThat(add.exitCode()).isZero();
        assertThat(CliRunner.run("show-status", "--config", config).out()).contains("shop");
    }

    @Test
    void addSourceRefusesADuplicateName() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");

        CliRunner.Result again = CliRunner.run("add_source", "--config", config, "--source", "shop");

        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("ERROR: source 'shop' is already registered");
    }

    @Test
    void addSourceRefusesADestinationSchemaOfAnotherSource() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");
        String second = TestConfig.target(database).set("CATALOGUE", catalogue).set("SOURCE", "erp")
                .set("MY_SCHEMA", "erp_db").set("PG_SCHEMA", "shop").write(home, "second").toString();

        CliRunner.Result clash = CliRunner.run("add_source", "--config", second, "--source", "erp");

        assertThat(clash.exitCode()).isEqualTo(5);
        assertThat(clash.err()).contains("destination schema 'shop' is already mapped by source 'shop' "
                + "(from MySQL database 'shop_db')");
    }

    @Test
    void addSourceNeedsASourceName() {
        CliRunner.Result result = CliRunner.run("add_source", "--config", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ERROR: add_source needs --source NAME");
    }

    @Test
    void addSourceRefusesASourceMissingFromTheConfiguration() {
        CliRunner.Result result = CliRunner.run("add_source", "--config", config, "--source", "ghost");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("source 'ghost' is not in", "shop");
    }

    @Test
    void dropSourceAsksForConfirmationAndKeepsTheSourceWhenNotGiven() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");

        CliRunner.Result declined = CliRunner.runWithInput("yes\n", "drop_source", "--config", config, "--source", "shop");

        assertThat(declined.exitCode()).isEqualTo(2);
        assertThat(declined.out()).contains("You are about to drop source 'shop'", "Type YES to continue");
        assertThat(declined.err()).contains("drop_source not confirmed; nothing was changed (type YES in capitals to confirm)");
        assertThat(CliRunner.run("show_status", "--config", config).out()).contains("shop");
    }

    @Test
    void dropSourceWithYesRemovesIt() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");

        CliRunner.Result typed = CliRunner.runWithInput("YES\n", "drop_source", "--config", config, "--source", "shop");

        assertThat(typed.exitCode()).isZero();
        assertThat(CliRunner.run("show_status", "--config", config).out()).contains("No sources registered");
        CliRunner.run("add_source", "--config", config, "--source", "shop");
        assertThat(CliRunner.run("drop-source", "--config", config, "--source", "shop", "--yes").exitCode()).isZero();
    }

    @Test
    void dropSourceDropsTheForeignKeyActionTriggersOfItsSchemasOnly() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");
        database.execute("CREATE SCHEMA IF NOT EXISTS shop",
                "CREATE FUNCTION shop.chameleon_fk_t_fk_0badc0de() RETURNS trigger LANGUAGE plpgsql AS"
                        + " 'BEGIN RETURN NULL; END'",
                "CREATE FUNCTION shop.chameleon_kept() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'");

        CliRunner.Result dropped = CliRunner.run("drop_source", "--config", config, "--source", "shop", "--yes");

        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(dropped.out()).contains("but for the 1 functions (with their triggers)");
        assertThat(database.queryForList("SELECT proname::text FROM pg_proc WHERE pronamespace = 'shop'::regnamespace"))
                .containsExactly(List.of("chameleon_kept"));
    }

    @Test
    void enableReplicaResetsAnErroredSourceToStopped() {
        CliRunner.run("add_source", "--config", config, "--source", "shop");
        database.execute("UPDATE " + catalogue + ".source SET status = 'error' WHERE source_name = 'shop'");

        CliRunner.Result enable = CliRunner.run("enable_replica", "--config", config, "--source", "shop");

        assertThat(enable.exitCode()).isZero();
        assertThat(database.queryForList("SELECT status::text FROM " + catalogue + ".source"))
                .containsExactly(List.of("stopped"));
    }

    @Test
    void showConfigMasksThePassword() {
        CliRunner.Result shown = CliRunner.run("show_config", "--config", config);

        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).containsPattern("pg_conn.password +\\*{8}\n")
                .doesNotContain(database.server().password());
    }
}
