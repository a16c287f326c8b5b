package io.chameleon.ops;

import io.chameleon.testsupport.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL was doing when a replica did not catch up in time: the statements running for more than a few
 * seconds in the test database, the plan each would get now, and the planner's view of the tables involved. A
 * replay statement once ran for minutes at full CPU in ReplicaCrashIT; this makes the next occurrence explain itself.
 */
final class StuckReplayReport {

    private static final int LONG_SECONDS = 10;

    private StuckReplayReport() {
    }

    static String of(PostgresDatabase target) {
        StringBuilder report = new StringBuilder();
        try (Connection connection = target.connect(); Statement st = connection.createStatement()) {
            List<String[]> running = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT pid, now() - query_start, wait_event_type, wait_event, query"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND state = 'active' AND now() - query_start > interval '" + LONG_SECONDS + " seconds'")) {
                while (rs.next()) {
                    running.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
            for (String[] statement : running) {
                report.append("\nrunning for ").append(statement[1]).append(" (pid ").append(statement[0])
                        .append(", wait ").append(statement[2]).append('/').append(statement[3]).append("): ")
                        .append(statement[4]).append("\nits plan now:\n").append(plan(st, statement[4]));
            }
            report.append("\ntables (relname, reltuples, relpages, live, dead, last analyze, last autoanalyze):");
            try (ResultSet rs = st.executeQuery("SELECT s.schemaname || '.' || s.relname, c.reltuples, c.relpages,"
                    + " s.n_live_tup, s.n_dead_tup, s.last_analyze, s.last_autoanalyze FROM pg_stat_user_tables s"
                    + " JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname IN ('bank', 'chameleon_catalogue')"
                    + " AND (s.schemaname = 'bank' OR s.relname LIKE 'change_log%') ORDER BY 1")) {
                while (rs.next()) {
                    report.append("\n  ");
                    for (int i = 1; i <= 7; i++) {
                        report.append(i == 1 ? "" : ", ").append(rs.getString(i));
                    }
                }
            }
        } catch (SQLException e) {
            report.append("\n(PostgreSQL could not be asked: ").append(e.getMessage()).append(')');
        }
        return report.toString();
    }

    private static String plan(Statement st, String query) {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + query)) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            plan.append("  (no plan: ").append(e.getMessage()).append(")\n");
        }
        return plan.toString();
    }
}
