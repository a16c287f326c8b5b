package io.chameleon.cli;

import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.CatalogueMigrations;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue commands end to end, through the command line, against a real PostgreSQL. */
@RealServers
class CatalogueCommandsTest {

    private final PostgresDatabase database;
    private String catalogue;
    private String config;

    CatalogueCommandsTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void configFor(TestInfo test, @TempDir Path home) {
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase();
        catalogue = "cat_" + method.substring(0, Math.min(method.length(), 50));
        config = TestConfig.target(database).set("CATALOGUE", catalogue).write(home, "test").toString();
    }

    @Test
    void createReplicaSchemaTwiceSaysThereIsNothingToDo() {
        CliRunner.Result first = CliRunner.run("create_replica_schema", "--config", config);
        CliRunner.Result second = CliRunner.run("create-replica-schema", "--config", config);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Replica catalogue created in schema " + catalogue + " (version "
                + CatalogueMigrations.latestVersion() + ")");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("already present in schema " + catalogue + " (version " + CatalogueMigrations.latestVersion() + "); nothing to do");
    }

    @Test
    void commandsRefuseACatalogueOfAnotherVersionNamingBothAndTheFix() throws SQLException {
        installVersion(1);

        CliRunner.Result status = CliRunner.run("show_status", "--config", config);

        assertThat(status.exitCode()).isEqualTo(5);
        assertThat(status.err()).contains("ERROR: replica catalogue " + catalogue + " is at version 1 but this "
                + "chameleon needs version " + CatalogueMigrations.latestVersion()
                + "; run 'chameleon upgrade_replica_schema --config " + config + "'");
    }

    @Test
    void upgradeReplicaSchemaAppliesTheMissingMigrationsInOrder() throws SQLException {
        installVersion(1);

        CliRunner.Result upgrade = CliRunner.run("upgrade_replica_schema", "--config", config);

        assertThat(upgrade.exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        CatalogueMigrations.ALL.stream().filter(m -> m.version() > 1)
                .forEach(m -> expected.add("Applied catalogue migration " + m.version()));
        expected.add("upgraded from version 1 to " + CatalogueMigrations.latestVersion());
        assertThat(upgrade.out()).containsSubsequence(expected);
        assertThat(CliRunner.run("show_status", "--config", config).exitCode()).isZero();
    }

    @Test
    void upgradeReplicaSchemaRefusesWhileASourceIsRunning() throws SQLException {
        installVersion(1);
        database.execute("INSERT INTO " + catalogue + ".source (source_name, source_type, status)"
                + " VALUES ('shop', 'mysql', 'running')");

        CliRunner.Result upgrade = CliRunner.run("upgrade_replica_schema", "--config", config);

        assertThat(upgrade.exitCode()).isEqualTo(5);
        assertThat(upgrade.err()).contains("cannot upgrade the replica catalogue while sources are active: "
                + "shop (running); stop them first with 'chameleon stop_all_replicas'");
        try (Connection c = database.connect()) {
            assertThat(new Catalogue(c, catalogue, null).installedVersion()).contains(1);
        }
    }

    @Test
    void dropReplicaSchemaKeepsReplicatedData() throws SQLException {
        CliRunner.run("create_replica_schema", "--config", config);
        database.execute("CREATE SCHEMA IF NOT EXISTS kept", "CREATE TABLE IF NOT EXISTS kept.t (id int)");

        CliRunner.Result drop = CliRunner.run("drop_replica_schema", "--config", config);

        assertThat(drop.exitCode()).isZero();
        assertThat(drop.out()).contains("Replica catalogue " + catalogue + " dropped");
        assertThat(database.queryForList("SELECT count(*) FROM pg_namespace WHERE nspname = '" + catalogue + "'"))
                .containsExactly(java.util.List.of(0L));
        assertThat(database.queryForList("SELECT to_regclass('kept.t') IS NOT NULL"))
                .containsExactly(java.util.List.of(true));
    }

    @Test
    void anUnreachableDatabaseExitsWithTheConnectionCodeAndNoPassword(@TempDir Path home) {
        String unreachable = TestConfig.target("127.0.0.1", 1, "nobody", "pw-never-printed", "nowhere")
                .write(home, "unreachable").toString();

        CliRunner.Result result = CliRunner.run("create_replica_schema", "--config", unreachable);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("ERROR: cannot connect to PostgreSQL 127.0.0.1:1/nowhere as nobody")
                .doesNotContain("pw-never-printed");
    }

    private void installVersion(int version) throws SQLException {
        try (Connection c = database.connect()) {
            new Catalogue(c, catalogue, null).migrateTo(version);
        }
    }
}
