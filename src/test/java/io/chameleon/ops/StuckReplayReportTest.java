package io.chameleon.ops;

import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@RealServers
class StuckReplayReportTest {

    @Test
    void namesTheLongRunningStatementWithItsPlanAndTheTablesStatistics(PostgresDatabase target) throws Exception {
        target.execute("CREATE SCHEMA bank", "CREATE TABLE bank.bulk (id bigint PRIMARY KEY, n int)",
                "INSERT INTO bank.bulk SELECT g, g FROM generate_series(1, 1000) g");
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
            try (Connection c = target.connect(); Statement st = c.createStatement()) {
                st.execute("SELECT count(*) FROM bank.bulk, pg_sleep(12)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String report = StuckReplayReport.of(target);
        while (!report.contains("running for") && System.nanoTime() < deadline && !slow.isDone()) {
            Thread.sleep(500); // waiting for the statement to pass the report's threshold, not for a result
            report = StuckReplayReport.of(target);
        }
        slow.join();

        assertThat(report).contains("running for", "pg_sleep(12)", "its plan now:", "Seq Scan on bulk",
                "bank.bulk, ");
    }
}
