package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.cutover.CutOver;
import io.chameleon.cutover.CutOverReport;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.ServerException;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * detach_replica refuses while a table is disabled (and names it), and with --force detaches anyway, naming what is
 * left behind: the disabled table and the changes a stopped replica did not read. A stopped replica behind the
 * source is refused too.
 */
@RealServers
class CutOverRefusalTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void aDisabledTableIsRefusedUnlessForced(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home)
            throws Exception {
        source.execute("CREATE TABLE good (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "CREATE TABLE bad (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "INSERT INTO good (v) VALUES (1)", "INSERT INTO bad (v) VALUES (1)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "offline_catalogue")
                .set("PG_SCHEMA", "offline")
                .write(home, "disabled").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            target.execute("ALTER TABLE offline.bad ADD CONSTRAINT small CHECK (v < 100)");
            source.execute("INSERT INTO bad (v) VALUES (500)", "INSERT INTO good (v) VALUES (2)");
            Eventually.equals(List.of(List.of(false)), () -> target.queryForList("SELECT replica_enabled FROM"
                    + " offline_catalogue.replicated_table WHERE table_name = 'bad'"), DEADLINE);
            Eventually.equals(List.of(List.of(2L)), () -> target.queryForList("SELECT count(*) FROM offline.good"),
                    DEADLINE);
        }
        source.execute("INSERT INTO good (v) VALUES (3)"); // while the replica is stopped

        CliRunner.Result refused = CliRunner.run("detach_replica", "--config", config, "--source", "shop", "--yes");

        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).contains("detach_replica --source shop refused, nothing was changed: 1 tables "
                + "disabled by replay errors, their changes since not applied: " + source.name() + ".bad",
                "--force");
        assertThat(target.queryForList("SELECT count(*) FROM offline_catalogue.source")).containsExactly(List.of(1L));

        CliRunner.Result forced = CliRunner.run("detach_replica", "--config", config, "--source", "shop", "--yes",
                "--force");

        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        assertThat(forced.out()).contains("LEFT BEHIND (--force):", "disabled by replay errors, their changes since "
                + "not applied: " + source.name() + ".bad", "the replica of shop is stopped and has read up to");
        assertThat(target.queryForList("SELECT count(*) FROM offline_catalogue.source")).containsExactly(List.of(0L));
        assertThat(target.queryForList("INSERT INTO offline.good (v) VALUES (9) RETURNING id")).as("past the source's "
                + "AUTO_INCREMENT, even for a row not replicated").containsExactly(List.of(4));
    }
    @Test
    void aStoppedReplicaBehindTheSourceIsRefused(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute("CREATE TABLE late (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "INSERT INTO late (v) VALUES (1)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "behind_catalogue")
                .set("PG_SCHEMA", "behind").write(home, "behind").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();
        source.execute("INSERT INTO late (v) VALUES (2)"); // no replica runs to read it

        CliRunner.Result refused = CliRunner.run("detach_replica", "--config", config, "--source", "shop", "--yes",
                "--timeout", "5");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(5);
        assertThat(refused.err()).contains("detach_replica --source shop refused, nothing was changed: the replica of "
                + "shop is", "cannot be applied", "start_replica --source shop");
        assertThat(target.queryForList("SELECT count(*) FROM behind_catalogue.source")).containsExactly(List.of(1L));
        assertThat(target.queryForList("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = 'behind'::regnamespace")).containsExactly(List.of(0L));
    }
}
