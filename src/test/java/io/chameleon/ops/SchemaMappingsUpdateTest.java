package io.chameleon.ops;

import io.chameleon.capture.BinlogReader;
import io.chameleon.capture.CaptureStatistics;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * update_schema_mappings on a source with a replica: the edited file is reported until applied, a conflicting
 * mapping is refused, a renamed destination schema is renamed in PostgreSQL and the replica goes on into it.
 */
@RealServers
class SchemaMappingsUpdateTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aRenamedDestinationSchemaReceivesTheLiveChanges(MariaDbDatabase source, PostgresDatabase target,
                                                         @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL)",
                "INSERT INTO accounts VALUES (1, 'ada'), (2, 'grace')");
        Path file = TestConfig.between(source, target).set("PG_SCHEMA", "bank").write(home, "mappings");
        String config = file.toString();
        ReplicaHarness replica = ReplicaHarness.initAndStart(config, target);
        source.execute("INSERT INTO accounts VALUES (3, 'emile')");
        Eventually.equals(List.of("3"), () -> count(target, "bank.accounts"), DEADLINE);
        replica.close();

        // the file is edited: every command that reads both says so, and the catalogue's mappings stay in force
        edit(file, source.name() + ": bank", source.name() + ": bank_v2");
        CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.err()).contains("WARNING: source shop: schema_mappings in the configuration differ from "
                + "the catalogue's (" + source.name() + ": bank -> bank_v2 (renamed))")
                .contains("update_schema_mappings --config " + config + " --source shop");
        assertThat(status.out()).contains(source.name() + " -> bank");

        // conflicts are refused and change nothing
        try (Connection c = target.connect()) {
            new SourceRepository(c, "chameleon_catalogue").register("other", "mysql", Map.of("elsewhere", "taken"));
        }
        edit(file, source.name() + ": bank_v2", source.name() + ": taken");
        CliRunner.Result taken = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");
        assertThat(taken.exitCode()).isEqualTo(5);
        assertThat(taken.err()).contains("destination schema 'taken' is already mapped by source 'other'");
        edit(file, source.name() + ": taken", source.name() + ": pg_bank");
        CliRunner.Result reserved = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");
        assertThat(reserved.exitCode()).isEqualTo(5);
        assertThat(reserved.err()).contains("cannot map to schema 'pg_bank': PostgreSQL reserves schema names "
                + "starting with pg_");
        assertThat(schemas(target)).contains("bank").doesNotContain("taken", "pg_bank", "bank_v2");

        // changes made while the replica is stopped, then the rename
        source.execute("UPDATE accounts SET owner = 'ada l.' WHERE id = 1");
        edit(file, source.name() + ": pg_bank", source.name() + ": bank_v2");
        CliRunner.Result update = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("renamed schema bank -> bank_v2");
        assertThat(schemas(target)).contains("bank_v2").doesNotContain("bank");
        CliRunner.Result agreed = CliRunner.run("show_status", "--config", config, "--source", "shop");
        assertThat(agreed.err()).doesNotContain("schema_mappings in the configuration differ");
        assertThat(agreed.out()).contains(source.name() + " -> bank_v2", "bank_v2.accounts");
        CliRunner.Result again = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");
        assertThat(again.out()).contains("already match the configuration: nothing to do");

        try (ReplicaHarness restarted = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO accounts VALUES (4, 'hedy')", "DELETE FROM accounts WHERE id = 2");
            Eventually.equals(TableContents.ofSource(source, "accounts"),
                    () -> TableContents.ofTarget(target, "bank_v2", "accounts"), DEADLINE);
        }
        assertThat(TableContents.ofTarget(target, "bank_v2", "accounts").rows()).hasSize(3);
    }

    @Test
    void anAddedDatabaseIsStoredAndNamesItsCopyCommand(MariaDbDatabase source, PostgresDatabase target,
                                                       @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        Path file = TestConfig.between(source, target).set("PG_SCHEMA", "kept").set("CATALOGUE", "added_catalogue")
                .write(home, "added");
        String config = file.toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        edit(file, "      " + source.name() + ": kept", "      " + source.name() + ": kept\n      ghost_db: ghost");

        CliRunner.Result update = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("added mapping ghost_db -> ghost: not copied yet; run 'chameleon "
                + "refresh_schema --source shop --schema ghost_db'");
        assertThat(target.queryForList("SELECT origin_schema || '>' || destination_schema FROM"
                + " added_catalogue.schema_mapping ORDER BY 1").stream().map(r -> (String) r.get(0)).toList())
                .containsExactly("ghost_db>ghost", source.name() + ">kept");

        edit(file, "\n      ghost_db: ghost", "");
        CliRunner.Result removed = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("removed mapping to ghost: 0 tables no longer replicated; schema ghost is "
                + "left in PostgreSQL");
    }

    @Test
    void changesLoggedButNotReplayedLandInTheSchemaTheyWereReadForBeforeTheRename(MariaDbDatabase source,
            PostgresDatabase target, @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20))", "INSERT INTO items VALUES (1, 'a')");
        Path file = TestConfig.between(source, target).set("PG_SCHEMA", "before").set("CATALOGUE", "pending_catalogue")
                .write(home, "pending");
        String config = file.toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();

        // only the reader runs: the changes are logged, nothing replays them
        ChameleonConfig loaded = ConfigLoader.load(config).config();
        SourceConfig shop = loaded.source("shop");
        var pg = loaded.pgConn();
        PostgresConnector postgres = new PostgresConnector(new PostgresEndpoint(pg.host(), pg.port(), pg.user(),
                pg.password().reveal(), pg.database()), "test");
        int sourceId = Integer.parseInt(texts(target, "SELECT source_id::text FROM pending_catalogue.source").get(0));
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                new BinlogReader(loaded, shop, postgres, new SourceConnector(shop), new CaptureStatistics())
                        .run(sourceId, stop::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        source.execute("INSERT INTO items VALUES (2, 'b')", "UPDATE items SET label = 'a2' WHERE id = 1");
        Eventually.equals(List.of("2"), () -> texts(target, "SELECT coalesce(sum(row_count), 0)::text FROM"
                + " pending_catalogue.log_batch WHERE complete AND replayed_at IS NULL"), DEADLINE);
        stop.set(true);
        reader.join(30_000);

        edit(file, source.name() + ": before", source.name() + ": after");
        CliRunner.Result update = CliRunner.run("update_schema_mappings", "--config", config, "--source", "shop");

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("Replayed 2 logged row changes into the current schemas first.",
                "renamed schema before -> after");
        assertThat(texts(target, "SELECT id || label FROM after.items ORDER BY id")).containsExactly("1a2", "2b");
    }

    private static List<String> texts(PostgresDatabase target, String sql) {
        return target.queryForList(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static List<String> count(PostgresDatabase target, String table) {
        return target.queryForList("SELECT count(*)::text FROM " + table).stream().map(r -> (String) r.get(0))
                .toList();
    }

    private static List<String> schemas(PostgresDatabase target) {
        return target.queryForList("SELECT nspname::text FROM pg_namespace").stream().map(r -> (String) r.get(0))
                .toList();
    }
}
