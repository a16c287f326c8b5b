package io.chameleon.postgres;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TcpProxy;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement whose client is gone stops within seconds instead of running to its end: a replica process killed in
 * the middle of a replay statement (kill -9, the OOM killer, its host lost) must not leave that statement running
 * and holding the replay's lock, with the next process waiting behind it (seen in ReplicaCrashIT: minutes).
 */
@RealServers
class LostClientStatementTest {

    @Test
    void aStatementWhoseClientIsCutOffStopsWithinSeconds(PostgresDatabase target) throws Exception {
        try (TcpProxy proxy = new TcpProxy(target.server().host(), target.server().port())) {
            PostgresConnector connector = new PostgresConnector(new PostgresEndpoint("127.0.0.1", proxy.port(),
                    target.server().user(), target.server().password(), target.name()), "lost-client-test");
            try (Connection lost = connector.connect()) {
                int pid = backendPid(lost);
                CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> sleep(lost));
                Eventually.equals(List.of(List.of("active")), () -> target.queryForList(
                        "SELECT state FROM pg_stat_activity WHERE pid = " + pid + " AND query LIKE '%pg_sleep%'"),
                        Duration.ofSeconds(10));

                proxy.cutAll();

                // the statement would sleep 60 s; polled every 2 s, the server notices the client gone and ends it
                Eventually.equals(List.of(), () -> target.queryForList(
                        "SELECT state FROM pg_stat_activity WHERE pid = " + pid), Duration.ofSeconds(10));
                assertThat(sleeping).failsWithin(Duration.ofSeconds(10));
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sleep(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_sleep(60)");
        } catch (SQLException cut) {
            throw new IllegalStateException(cut);
        }
    }
}
