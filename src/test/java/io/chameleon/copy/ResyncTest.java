package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sync_tables and refresh_schema after init_replica: only what is named is copied again, with new coordinates;
 * the rest keeps its rows and coordinates. Each test starts from a fresh init_replica.
 */
@RealServers
class ResyncTest {

    private String config;

    @BeforeEach
    void initialised(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute("DROP TABLE IF EXISTS alpha, beta",
                "CREATE TABLE alpha (id INT PRIMARY KEY, v VARCHAR(10))",
                "CREATE TABLE beta (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO alpha VALUES (1, 'a1')", "INSERT INTO beta VALUES (1, 'b1')");
        target.execute("DROP SCHEMA IF EXISTS chameleon_catalogue CASCADE", "DROP SCHEMA IF EXISTS shop CASCADE");
        config = TestConfig.between(source, target).write(home, "resync").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        // written after the copy: only a table copied again can hold them
        source.execute("INSERT INTO alpha VALUES (2, 'a2')", "INSERT INTO beta VALUES (2, 'b2')");
    }

    @Test
    void syncTablesCopiesTheListedTableAgainWithNewCoordinates(MariaDbDatabase source, PostgresDatabase target) {
        List<List<Object>> before = coordinates(target);

        CliRunner.Result sync = CliRunner.run("sync_tables", "--config", config, "--source", "shop",
                "--tables", source.name() + ".alpha");

        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(ids(target, "alpha")).containsExactly(List.of(1), List.of(2));
        assertThat(ids(target, "beta")).containsExactly(List.of(1));
        List<List<Object>> after = coordinates(target);
        assertThat(position(after, "alpha")).isGreaterThan(position(before, "alpha"));
        assertThat(after.get(1)).as("beta untouched").isEqualTo(before.get(1));
        assertThat(target.queryForList("SELECT status::text FROM chameleon_catalogue.source"))
                .containsExactly(List.of("synced"));
    }

    @Test
    void syncTablesDisabledCopiesAndReEnablesOnlyTheDisabledTables(PostgresDatabase target) {
        target.execute("UPDATE chameleon_catalogue.replicated_table SET replica_enabled = false"
                + " WHERE table_name = 'beta'");
        List<List<Object>> before = coordinates(target);

        CliRunner.Result sync = CliRunner.run("sync_tables", "--config", config, "--source", "shop",
                "--tables", "disabled");

        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(ids(target, "beta")).containsExactly(List.of(1), List.of(2));
        assertThat(ids(target, "alpha")).containsExactly(List.of(1));
        List<List<Object>> after = coordinates(target);
        assertThat(position(after, "beta")).isGreaterThan(position(before, "beta"));
        assertThat(after.get(0)).as("alpha untouched").isEqualTo(before.get(0));
        assertThat(target.queryForList("SELECT table_name, replica_enabled FROM chameleon_catalogue.replicated_table"
                + " ORDER BY 1")).containsExactly(List.of("alpha", true), List.of("beta", true));
    }

    @Test
    void refreshSchemaCopiesEveryTableOfTheSchemaAndKeepsTheStreamPosition(MariaDbDatabase source,
                                                                           PostgresDatabase target) {
        List<List<Object>> before = coordinates(target);
        List<List<Object>> readPosition = target.queryForList("SELECT binlog_file, binlog_position"
                + " FROM chameleon_catalogue.read_position");

        CliRunner.Result refresh = CliRunner.run("refresh_schema", "--config", config, "--source", "shop",
                "--schema", source.name());

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(ids(target, "alpha")).containsExactly(List.of(1), List.of(2));
        assertThat(ids(target, "beta")).containsExactly(List.of(1), List.of(2));
        List<List<Object>> after = coordinates(target);
        assertThat(position(after, "alpha")).isGreaterThan(position(before, "alpha"));
        assertThat(position(after, "beta")).isGreaterThan(position(before, "beta"));
        assertThat(target.queryForList("SELECT binlog_file, binlog_position FROM chameleon_catalogue.read_position"))
                .isEqualTo(readPosition);
    }

    private static List<List<Object>> ids(PostgresDatabase target, String table) {
        return target.queryForList("SELECT id FROM shop." + table + " ORDER BY id");
    }

    /** (table, file, position, rows) of alpha then beta. */
    private static List<List<Object>> coordinates(PostgresDatabase target) {
        return target.queryForList("SELECT table_name, copy_binlog_file, copy_binlog_position, copied_rows"
                + " FROM chameleon_catalogue.replicated_table ORDER BY table_name");
    }

    private static long position(List<List<Object>> coordinates, String table) {
        return coordinates.stream().filter(row -> row.get(0).equals(table)).map(row -> (Long) row.get(2))
                .findFirst().orElseThrow();
    }
}
