package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the reader takes the structures of the tables it captures from when it starts: the catalogue's schema
 * history, kept since the copy, and the source's own catalogue only for tables registered before the history
 * kept them (catalogue versions before 7), which have no stored structure.
 */
@RealServers
class ReaderStartStructuresTest {

    @Test
    void aTableWithoutAStoredStructureIsReadWithTheSourceCatalogueBesideOnesThatHaveIt(MariaDbDatabase source,
            PostgresDatabase target, @TempDir Path home) throws InterruptedException {
        source.execute("CREATE TABLE legacy (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)",
                "CREATE TABLE kept (id INT PRIMARY KEY, amount DECIMAL(8,2) NOT NULL)",
                "INSERT INTO legacy VALUES (1, 'copied')", "INSERT INTO kept VALUES (1, 1.50)");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "hist").write(home, "hist").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(rows(target, "SELECT h.table_name FROM chameleon_catalogue.schema_history h"
                + " ORDER BY h.table_name")).containsExactly("kept", "legacy");
        // as a table registered before catalogue version 7 would be: no structure in the history
        target.execute("DELETE FROM chameleon_catalogue.schema_history WHERE table_name = 'legacy'");

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO legacy VALUES (2, 'streamed')", "UPDATE legacy SET label = 'changed' WHERE id = 1",
                    "INSERT INTO kept VALUES (2, 2.25)");

            Eventually.equals(List.of("1|changed", "2|streamed"), () -> rows(target,
                    "SELECT id || '|' || label FROM hist.legacy ORDER BY id"), Duration.ofSeconds(60));
            Eventually.equals(List.of("1|1.50", "2|2.25"), () -> rows(target,
                    "SELECT id || '|' || amount FROM hist.kept ORDER BY id"), Duration.ofSeconds(60));
            assertThat(replica.failure()).isNull();
        }
    }

    private static List<String> rows(PostgresDatabase target, String sql) {
        return target.queryForList(sql).stream().map(row -> String.valueOf(row.get(0))).collect(Collectors.toList());
    }
}
