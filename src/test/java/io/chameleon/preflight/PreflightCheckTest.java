package io.chameleon.preflight;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.LocalMariaDb;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.MariaDbServer;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} against a source set up wrong in four ways (a private MariaDB with binlog_format=STATEMENT and ten
 * minutes of binlog retention, a user without REPLICATION SLAVE, a table without a key), and against the test
 * servers as they are set up.
 */
@RealServers
class PreflightCheckTest {

    @Test
    void eachProblemIsReportedWithItsFixAndTheStatusSaysFail(PostgresDatabase target, @TempDir Path home) {
        MariaDbServer wrong = LocalMariaDb.start(null, List.of("--binlog-format=STATEMENT",
                "--binlog-expire-logs-seconds=600"));
        try {
            MariaDbDatabase source = wrong.createDatabase("preflight_wrong");
            source.execute("CREATE TABLE keyed (id INT PRIMARY KEY, d DATE)", "CREATE TABLE keyless (a INT, b TEXT)");
            wrong.execute(null, "CREATE USER 'norepl'@'%' IDENTIFIED BY 'NoRepl-pw1'",
                    "GRANT SELECT, RELOAD, LOCK TABLES, BINLOG MONITOR ON *.* TO 'norepl'@'%'");
            String config = TestConfig.between(source, target).set("MY_USER", "norepl").set("MY_PASSWORD", "NoRepl-pw1")
                    .set("CATALOGUE", "cat_wrong").set("PG_SCHEMA", "wrong_s").write(home, "wrong").toString();

            CliRunner.Result check = CliRunner.run("check", "--config", config, "--source", "shop");
            assertThat(check.exitCode()).as(check.err()).isEqualTo(5);
            List<String> lines = check.out().lines().toList();
            assertFailsWithFix(lines, "mysql binlog_format", "STATEMENT", "SET GLOBAL binlog_format = 'ROW'");
            assertFailsWithFix(lines, "mysql privilege REPLICATION SLAVE", "missing",
                    "GRANT REPLICATION SLAVE ON *.* TO 'norepl'@'%'");
            assertFailsWithFix(lines, "mysql keys", "preflight_wrong.keyless", "ADD PRIMARY KEY");
            assertFailsWithFix(lines, "mysql binlog retention", "binlog_expire_logs_seconds 600",
                    "SET GLOBAL binlog_expire_logs_seconds");
            assertThat(check.out()).doesNotContain("NoRepl-pw1").contains("4 checks failed");
            assertThat(CliRunner.run("check-source", "--config", config, "--source", "shop").exitCode()).isEqualTo(5);

            // init_replica and start_replica refuse with the same messages (server settings and privileges)
            assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
            assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
            for (List<String> command : List.of(List.of("init_replica"), List.of("start_replica", "--foreground"))) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--config", config, "--source", "shop"));
                CliRunner.Result refused = CliRunner.run(args.toArray(String[]::new));
                assertThat(refused.exitCode()).as(refused.err()).isEqualTo(5);
                assertThat(refused.err()).contains(command.get(0) + " refused", "'chameleon check --source shop'",
                        "mysql binlog_format: STATEMENT; fix: chameleon needs ROW",
                        "mysql privilege REPLICATION SLAVE: missing; fix: GRANT REPLICATION SLAVE");
            }
            assertThat(target.queryForList("SELECT count(*) FROM information_schema.schemata"
                    + " WHERE schema_name = 'wrong_s'").get(0).get(0)).isEqualTo(0L);
        } finally {
            wrong.stop();
        }
    }

    @Test
    void everyCheckPassesAgainstTheTestServers(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20), at TIME, made DATETIME)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_right").write(home, "right")
                .toString();
        CliRunner.Result check = CliRunner.run("check", "--config", config, "--source", "shop");
        System.out.println(check.out());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out().lines().filter(l -> l.startsWith("fail"))).isEmpty();
        assertThat(check.out()).contains("ok    mysql binlog_format", "ok    mysql privilege REPLICATION SLAVE",
                "ok    mysql keys", "ok    postgresql privilege CREATE", "All checks passed");
    }

    private static void assertFailsWithFix(List<String> lines, String check, String found, String fix) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("fail") && lines.get(i).contains(check + " ")) {
                at = i;
            }
        }
        assertThat(at).as("a fail line for " + check + " in\n" + String.join("\n", lines)).isNotNegative();
        assertThat(lines.get(at)).contains(found);
        assertThat(lines.get(at + 1)).contains("fix:", fix);
    }
}
