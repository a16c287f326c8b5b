package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run_maintenance and auto_maintenance while a replica runs under a mixed workload: what retention says goes, and
 * the target ends equal to the source row by row.
 */
@RealServers
class CatalogueMaintenanceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String CATALOGUE = "chameleon_catalogue";

    @Test
    void maintenanceRemovesWhatRetentionSaysWhileTheReplicaRuns(MariaDbDatabase source, PostgresDatabase target,
                                                                @TempDir Path home) throws Exception {
        source.execute(MixedWorkload.SCHEMA.toArray(String[]::new));
        Path file = TestConfig.between(source, target).set("PG_SCHEMA", "kept").write(home, "maintenance");
        String text = Files.readString(file);
        for (String[] edit : new String[][] {
                {"batch_retention: '1 day'", "batch_retention: '1 second'"},
                {"auto_maintenance: \"disabled\"", "auto_maintenance: \"2 seconds\"\n    error_retention: '1 hour'"}}) {
            assertThat(text).contains(edit[0]);
            text = text.replace(edit[0], edit[1]);
        }
        Files.writeString(file, text);
        String config = file.toString();

        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            String id = target.queryForList("SELECT source_id::text FROM " + CATALOGUE + ".source"
                    + " WHERE source_name = 'shop'").get(0).get(0).toString();
            target.execute("INSERT INTO " + CATALOGUE + ".replay_error (source_id, error_message, occurred_at)"
                            + " VALUES (" + id + ", 'old', now() - interval '2 hours'), (" + id + ", 'fresh', now())",
                    "INSERT INTO " + CATALOGUE + ".discarded_row (source_id, reason, discarded_at)"
                            + " VALUES (" + id + ", 'old', now() - interval '2 hours'), (" + id + ", 'fresh', now())");
            MixedWorkload workload = new MixedWorkload(source, Duration.ofMillis(5));
            try {
                // auto_maintenance: records past error_retention go, the others stay; batches past batch_retention go
                Eventually.equals(List.of("fresh|fresh"), () -> texts(target, "SELECT (SELECT string_agg("
                        + "error_message, ',') FROM " + CATALOGUE + ".replay_error WHERE source_id = " + id + ") || '|'"
                        + " || (SELECT string_agg(reason, ',') FROM " + CATALOGUE + ".discarded_row WHERE source_id = "
                        + id + ")"), DEADLINE);
                // recorded at the end of the pass, after its VACUUM
                Eventually.equals(List.of("true"), () -> texts(target, "SELECT (maintained_at IS NOT NULL)::text"
                        + " FROM " + CATALOGUE + ".source WHERE source_id = " + id), DEADLINE);
                Eventually.equals(true, () -> workload.transactions() > 300, DEADLINE);
                Eventually.equals(List.of("0"), () -> texts(target, "SELECT count(*)::text FROM " + CATALOGUE
                        + ".log_batch WHERE source_id = " + id + " AND replayed_at < now() - interval '10 seconds'"),
                        DEADLINE);

                // the command, plain and full, while the replica and the workload go on
                CliRunner.Result plain = CliRunner.run("run_maintenance", "--config", config, "--source", "shop");
                assertThat(plain.exitCode()).as(plain.err()).isZero();
                assertThat(plain.out()).contains("log batches", "change-log partitions", "replay errors",
                        "discarded rows", "catalogue size", "VACUUM", "log_batch", "Maintenance of source shop done");
                CliRunner.Result full = CliRunner.run("run_maintenance", "--config", config, "--source", "shop",
                        "--full");
                assertThat(full.exitCode()).as(full.err()).isZero();
                assertThat(full.out()).contains("VACUUM FULL", "replay_progress");
                CliRunner.Result status = CliRunner.run("show_status", "--config", config, "--source", "shop");
                assertThat(status.out()).containsPattern("Last maintenance: \\d{4}-\\d\\d-\\d\\d .*; next: .*"
                        + " \\(auto_maintenance 2 seconds\\)");
                assertThat(texts(target, "SELECT count(*)::text FROM " + CATALOGUE + ".log_batch WHERE source_id = "
                        + id + " AND replayed_at < (SELECT maintained_at FROM " + CATALOGUE + ".source WHERE"
                        + " source_id = " + id + ") - interval '1 minute'")).containsExactly("0");
            } finally {
                workload.close();
            }
            assertThat(workload.transactions()).isGreaterThan(300);
            for (TableDigest table : MixedWorkload.TABLES) {
                Eventually.equals(TableContents.ofSource(source, table.table()),
                        () -> TableContents.ofTarget(target, "kept", table.table()), DEADLINE);
            }
            assertThat(replica.failure()).isNull();
            assertThat(replica.components().failure()).isNull();
        }
    }

    private static List<String> texts(PostgresDatabase target, String sql) {
        return target.queryForList(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
    }
}
