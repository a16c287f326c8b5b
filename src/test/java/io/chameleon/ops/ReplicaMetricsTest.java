package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.metrics.CatalogueReadings;
import io.chameleon.metrics.ReplicaMetrics;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;

import static io.chameleon.ops.PrometheusText.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The replica's meters rendered as Prometheus text, in this JVM: counters, positions and per-table values move. */
@RealServers
class ReplicaMetricsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SHOP = "source=\"shop\"";

    @Test
    void countersPositionsAndTablesFollowTheWrites(MariaDbDatabase source, PostgresDatabase target,
                                                   @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40) NOT NULL)",
                "INSERT INTO notes VALUES (1, 'before the copy')");
        String config = TestConfig.between(source, target).write(home, "metrics").toString();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String notes = SHOP + ",table=\"" + source.name() + ".notes\"";
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target);
             CatalogueReadings readings = new CatalogueReadings(connector(config), "chameleon_catalogue", "shop",
                     Duration.ZERO)) {
            ReplicaMetrics metrics = ReplicaMetrics.bind(registry, replica.components(), readings);
            source.execute("INSERT INTO notes VALUES (2, 'first')");
            Eventually.equals(1.0, () -> value(registry.scrape(), "chameleon_table_rows_applied_total", notes),
                    DEADLINE);
            String first = registry.scrape();
            assertThat(value(first, "chameleon_read_binlog_file_index", SHOP)).isPositive();
            assertThat(value(first, "chameleon_applied_binlog_file_index", SHOP)).isPositive();
            assertThat(value(first, "chameleon_replay_lag_seconds", SHOP)).isGreaterThanOrEqualTo(0);
            assertThat(value(first, "chameleon_read_lag_seconds", SHOP)).isGreaterThanOrEqualTo(0);
            assertThat(value(first, "chameleon_rows_applied_total", SHOP)).isEqualTo(1.0);
            assertThat(value(first, "chameleon_tables_disabled", SHOP)).isZero();
            assertThat(value(first, "chameleon_change_log_bytes", SHOP)).isPositive();

            source.execute("INSERT INTO notes VALUES (3, 'second'), (4, 'third')", "UPDATE notes SET body = 'x'");

            Eventually.equals(7.0, () -> value(registry.scrape(), "chameleon_table_rows_applied_total", notes),
                    DEADLINE);
            String second = registry.scrape();
            assertThat(value(second, "chameleon_rows_captured_total", SHOP)).isEqualTo(7.0);
            assertThat(value(second, "chameleon_table_rows_captured_total", notes)).isEqualTo(7.0);
            assertThat(value(second, "chameleon_read_binlog_position", SHOP))
                    .isGreaterThan(value(first, "chameleon_read_binlog_position", SHOP));
            assertThat(value(second, "chameleon_applied_binlog_position", SHOP))
                    .isGreaterThan(value(first, "chameleon_applied_binlog_position", SHOP));
            assertThat(value(second, "chameleon_transactions_applied_total", SHOP)).isEqualTo(3.0);
            assertThat(value(second, "chameleon_batches_pending", SHOP)).isZero();
            Reference.reachabilityFence(metrics); // the registry holds the meters' objects weakly
        }
    }

    private static PostgresConnector connector(String config) {
        ChameleonConfig loaded = ConfigLoader.load(config).config();
        var pg = loaded.pgConn();
        return new PostgresConnector(new PostgresEndpoint(pg.host(), pg.port(), pg.user(),
                pg.password() == null ? null : pg.password().reveal(), pg.database()), "test-metrics");
    }
}
