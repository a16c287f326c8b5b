package io.chameleon.preflight;

import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.SourceFlavour;
import io.chameleon.mysql.SourceServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The replication user's privileges, from {@code SHOW GRANTS} (the current user's, which needs no extra right):
 * what the copy reads and locks with, and what the binlog stream needs. Grants through roles are not followed.
 */
final class PrivilegeChecks {

    private static final String AREA = "mysql";
    private static final String GLOBAL = "*.*";

    private final Map<String, Set<String>> byObject = new HashMap<>();
    private final String account;
    private boolean roles;

    private PrivilegeChecks(List<String> grants, String account) {
        this.account = account;
        for (String grant : grants) {
            parse(grant);
        }
    }

    static List<CheckResult> run(Connection mysql, SourceServer server, SourceConfig source) throws SQLException {
        List<String> grants = new ArrayList<>();
        String account;
        try (Statement st = mysql.createStatement()) {
            try (ResultSet rows = st.executeQuery("SHOW GRANTS")) {
                while (rows.next()) {
                    grants.add(rows.getString(1));
                }
            }
            try (ResultSet row = st.executeQuery("SELECT CURRENT_USER()")) {
                row.next();
                String[] userHost = row.getString(1).split("@", 2);
                account = "'" + userHost[0] + "'@'" + (userHost.length > 1 ? userHost[1] : "%") + "'";
            }
        }
        return new PrivilegeChecks(grants, account).evaluate(server, source);
    }

    /** {@code GRANT a, b ON obj TO ...}; the part after TO (account, password hash) is never kept. */
    private void parse(String grant) {
        String upper = grant.toUpperCase(Locale.ROOT);
        int on = upper.indexOf(" ON ");
        int to = upper.indexOf(" TO ", on + 1);
        if (!upper.startsWith("GRANT ") || on < 0 || to < 0) {
            roles |= upper.startsWith("GRANT ") && upper.contains(" TO "); // GRANT `role` TO `user`
            return;
        }
        String object = grant.substring(on + 4, to).replace("`", "").trim();
        Set<String> privileges = byObject.computeIfAbsent(object.toLowerCase(Locale.ROOT), k -> new HashSet<>());
        for (String privilege : upper.substring(6, on).split(",")) {
            privileges.add(privilege.replaceAll("\\(.*\\)", "").trim().replaceAll("\\s+", " "));
        }
    }

    private boolean has(String privilege, String schema) {
        return holds(GLOBAL, privilege) || schema != null && holds(schema.toLowerCase(Locale.ROOT) + ".*", privilege);
    }

    private boolean holds(String object, String privilege) {
        Set<String> privileges = byObject.getOrDefault(object, Set.of());
        return privileges.contains(privilege) || privileges.contains("ALL PRIVILEGES") || privileges.contains("ALL");
    }

    private List<CheckResult> evaluate(SourceServer server, SourceConfig source) {
        boolean mariadb = server.flavour() == SourceFlavour.MARIADB;
        List<CheckResult> results = new ArrayList<>();
        List<String> noSelect = source.schemaMappings().keySet().stream().filter(s -> !has("SELECT", s)).toList();
        results.add(noSelect.isEmpty() ? CheckResult.ok(AREA, "privilege SELECT", "on every mapped database").copyOnly()
                : CheckResult.fail(AREA, "privilege SELECT", "missing on " + String.join(", ", noSelect),
                noSelect.stream().map(s -> "GRANT SELECT ON `" + s + "`.* TO " + account).reduce((a, b) -> a + "; "
                        + b).orElseThrow()).copyOnly());
        for (String lock : List.of("RELOAD", "LOCK TABLES")) {
            String object = lock.equals("RELOAD") ? GLOBAL : null;
            boolean held = object == null ? source.schemaMappings().keySet().stream().allMatch(s -> has(lock, s))
                    : has(lock, null);
            String why = "the copy takes FLUSH TABLES ... WITH READ LOCK for a consistent start when a table is read"
                    + " by several readers, is not transactional, or the server is MySQL";
            String fix = "GRANT " + lock + " ON *.* TO " + account + " (" + why + ")";
            results.add((held ? CheckResult.ok(AREA, "privilege " + lock, "granted")
                    : mariadb ? CheckResult.warn(AREA, "privilege " + lock, "missing", fix)
                    : CheckResult.fail(AREA, "privilege " + lock, "missing", fix)).copyOnly());
        }
        results.add(has("REPLICATION SLAVE", null) || has("REPLICATION REPLICA", null)
                ? CheckResult.ok(AREA, "privilege REPLICATION SLAVE", "granted")
                : CheckResult.fail(AREA, "privilege REPLICATION SLAVE", "missing", "GRANT REPLICATION SLAVE ON *.* TO "
                + account + " (the binlog stream is a replication connection)"));
        String monitor = mariadb ? "BINLOG MONITOR" : "REPLICATION CLIENT";
        boolean monitors = has("REPLICATION CLIENT", null) || has("BINLOG MONITOR", null) || has("SUPER", null);
        results.add(monitors ? CheckResult.ok(AREA, "privilege " + monitor, "granted")
                : CheckResult.fail(AREA, "privilege " + monitor, "missing", "GRANT " + monitor + " ON *.* TO "
                + account + " (SHOW MASTER STATUS / SHOW BINARY LOGS tell where the stream starts)"));
        // a privilege missing here may come through a role, which is not followed: warn rather than refuse
        return results.stream().map(r -> roles && r.failed() ? CheckResult.warn(r.area(), r.name(), r.found()
                + " (not counting roles granted to the user)", r.fix()) : r).map(CheckResult::runFirst).toList();
    }
}
