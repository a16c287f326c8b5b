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
 * A system-versioned table that exists when init_replica runs is not supported: the copy says so with the fix, and
 * show_status lists it as not replicated with the reason, instead of leaving it out without a word.
 */
@RealServers
class SystemVersionedAtCopyTest {

    @Test
    void aSystemVersionedTableIsListedWithItsReasonNotLeftOutSilently(MariaDbDatabase source, PostgresDatabase target,
                                                                     @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE plain (id INT PRIMARY KEY)", "INSERT INTO plain VALUES (1)",
                "CREATE TABLE audited (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING",
                "INSERT INTO audited VALUES (1, 1)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_sysver").set("PG_SCHEMA", "sysver_s")
                .write(home, "sysver").toString();
        String db = source.name();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out() + init.err()).contains("WARNING: " + db + ".audited is system-versioned",
                "ALTER TABLE `" + db + "`.`audited` DROP SYSTEM VERSIONING");

        try (ReplicaHarness replica = ReplicaHarness.start(config, target)) {
            source.execute("INSERT INTO audited VALUES (2, 2)", "INSERT INTO plain VALUES (2)");
            Eventually.equals(List.of(List.of(1), List.of(2)),
                    () -> target.queryForList("SELECT id FROM sysver_s.plain ORDER BY id"), Duration.ofSeconds(60));
            assertThat(replica.failure()).isNull();
        }
        CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
        assertThat(status.out()).containsPattern(db + "\\.audited +sysver_s\\.audited +not replicated: system-versioned"
                + " tables are not supported").containsPattern(db + "\\.plain +sysver_s\\.plain +replicating ");
        assertThat(target.queryForList("SELECT count(*) FROM pg_tables WHERE schemaname = 'sysver_s' AND"
                + " tablename = 'audited'")).containsExactly(List.of(0L));
    }
}
