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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * keep_existing_schema: tables the user created in PostgreSQL are emptied and reloaded in place; their own
 * indexes, keys and foreign keys come back as they were, sequences move past the loaded values, and the live
 * replica then writes into them.
 */
@RealServers
class KeepExistingSchemaTest {

    @Test
    void existingTablesAreReloadedWithTheirOwnKeysAndIndexes(MariaDbDatabase source, PostgresDatabase target,
                                                            @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT NOT NULL, note TEXT)",
                "INSERT INTO parent VALUES (1, 'Ada'), (2, 'Grace'), (7, 'Emmy')",
                "INSERT INTO child VALUES (10, 1, 'first'), (11, 7, NULL)");
        target.execute("CREATE SCHEMA kept",
                "CREATE TABLE kept.parent (id serial PRIMARY KEY, name text NOT NULL)",
                "CREATE INDEX parent_lower_name ON kept.parent (lower(name))",
                "CREATE TABLE kept.child (id integer CONSTRAINT child_pk PRIMARY KEY,"
                        + " parent_id integer NOT NULL CONSTRAINT child_parent_fk REFERENCES kept.parent,"
                        + " note text, CONSTRAINT child_note_uq UNIQUE (note))",
                "INSERT INTO kept.parent (id, name) VALUES (999, 'stale')");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "kept").set("CATALOGUE", "cat_kept")
                .set("KEEP_EXISTING_SCHEMA", "Yes").write(home, "kept").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");

        assertThat(init.exitCode()).as(init.err() + init.out()).isZero();
        assertThat(target.queryForList("SELECT id, name FROM kept.parent ORDER BY id"))
                .containsExactly(List.of(1, "Ada"), List.of(2, "Grace"), List.of(7, "Emmy"));
        assertThat(target.queryForList("SELECT id, parent_id, note FROM kept.child ORDER BY id"))
                .containsExactly(List.of(10, 1, "first"), java.util.Arrays.asList(11, 7, null));
        assertThat(target.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'kept' ORDER BY 1"))
                .containsExactly(List.of("child_note_uq"), List.of("child_pk"), List.of("parent_lower_name"),
                        List.of("parent_pkey"));
        assertThat(target.queryForList("SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = 'kept'::regnamespace")).containsExactly(List.of("child_parent_fk", true));
        assertThat(target.queryForList("SELECT nextval('kept.parent_id_seq')")).containsExactly(List.of(8L));

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO parent VALUES (3, 'Hedy')", "UPDATE child SET note = 'second' WHERE id = 11");
            Eventually.equals(List.of(List.of(3, "Hedy")), () -> target.queryForList(
                    "SELECT id, name FROM kept.parent WHERE id = 3"), Duration.ofSeconds(60));
            Eventually.equals(List.of(List.of("second")), () -> target.queryForList(
                    "SELECT note FROM kept.child WHERE id = 11"), Duration.ofSeconds(60));
        }
    }
}
