package io.chameleon.preflight;

import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.SourceFlavour;
import io.chameleon.mysql.SourceServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The source server itself: version, binlog settings, server ids, GTID mode. Cheap: variables only. */
final class SourceServerChecks {

    private static final String AREA = "mysql";

    private SourceServerChecks() {
    }

    static List<CheckResult> run(Connection mysql, SourceServer server, ServerVariables variables,
                                 SourceConfig source) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        results.add(version(server));
        results.add(logBin(variables));
        results.add(required(variables, "binlog_format", "ROW", "statements cannot be replayed row by row"));
        if (variables.get("binlog_row_image").isPresent()) { // MySQL 5.5 logs full rows and has no such variable
            results.add(required(variables, "binlog_row_image", "FULL", "row events must carry every column"));
        }
        results.add(serverIds(mysql, variables, source));
        results.add(gtid(server, variables, source));
        return results.stream().map(CheckResult::runFirst).toList();
    }

    private static CheckResult version(SourceServer server) {
        String found = (server.flavour() == SourceFlavour.MARIADB ? "MariaDB " : "MySQL ") + server.version();
        Matcher numbers = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(server.version());
        if (!numbers.find()) {
            return CheckResult.warn(AREA, "version", found, "not a version chameleon recognises; supported are "
                    + "MySQL 5.7 to 9 and MariaDB 10.4 and later");
        }
        int major = Integer.parseInt(numbers.group(1));
        int minor = Integer.parseInt(numbers.group(2));
        boolean supported = server.flavour() == SourceFlavour.MARIADB ? major > 10 || major == 10 && minor >= 4
                : major > 5 || major == 5 && minor >= 7;
        return supported ? CheckResult.ok(AREA, "version", found)
                : CheckResult.warn(AREA, "version", found, "untested version; supported are MySQL 5.7 to 9 and "
                + "MariaDB 10.4 and later: upgrade the server, or test replication on a copy first");
    }

    private static CheckResult logBin(ServerVariables variables) {
        String value = variables.getOrDefault("log_bin", "OFF");
        return value.equalsIgnoreCase("ON") ? CheckResult.ok(AREA, "log_bin", "ON")
                : CheckResult.fail(AREA, "log_bin", value, "enable the binary log with log_bin=<base name> (and a "
                + "unique server_id) under [mysqld] in my.cnf and restart the server (log_bin cannot be set at run"
                + " time)");
    }

    private static CheckResult required(ServerVariables variables, String name, String value, String why) {
        String found = variables.getOrDefault(name, "not set");
        return found.equalsIgnoreCase(value) ? CheckResult.ok(AREA, name, found)
                : CheckResult.fail(AREA, name, found, "chameleon needs " + value + " (" + why + "): run SET GLOBAL "
                + name + " = '" + value + "' and write " + name + " = " + value + " under [mysqld] in my.cnf");
    }

    /**
     * The reader shows itself to the server as my_server_id; a replica with the same id (or the server's own) gets
     * cut off whenever the other one connects.
     */
    private static CheckResult serverIds(Connection mysql, ServerVariables variables, SourceConfig source)
            throws SQLException {
        long serverId = Long.parseLong(variables.getOrDefault("server_id", "0"));
        long mine = source.myServerId();
        List<Long> registered = new ArrayList<>();
        int dumps = 0;
        try (Statement st = mysql.createStatement()) {
            try (ResultSet rows = st.executeQuery("SHOW SLAVE HOSTS")) {
                while (rows.next()) {
                    registered.add(rows.getLong(1));
                }
            } catch (SQLException notAllowed) {
                // MariaDB 10.5+ wants REPLICATION MASTER ADMIN for it; the dump threads below still tell something
            }
            try (ResultSet rows = st.executeQuery("SELECT COUNT(*) FROM information_schema.processlist"
                    + " WHERE command LIKE 'Binlog Dump%'")) {
                rows.next();
                dumps = rows.getInt(1);
            }
        }
        String found = "server_id " + serverId + ", my_server_id " + mine + ", " + dumps + " binlog reader(s) "
                + "connected" + (registered.isEmpty() ? "" : ", replicas registered with server_id " + registered);
        if (serverId == 0) {
            return CheckResult.fail(AREA, "server_id", found, "give the server a non-zero server_id under [mysqld] "
                    + "in my.cnf (a binlog source needs one) and restart it");
        }
        if (serverId == mine || registered.contains(mine)) {
            return CheckResult.fail(AREA, "server_id", found, "set sources." + source.name() + ".my_server_id to "
                    + "a value no server or replica of this topology uses (the server drops a reader whose id "
                    + "another one connects with)");
        }
        return CheckResult.ok(AREA, "server_id", found + (dumps > 0 ? " (each must use its own server id)" : ""));
    }

    private static CheckResult gtid(SourceServer server, ServerVariables variables, SourceConfig source) {
        if (!source.gtidEnable()) {
            return CheckResult.ok(AREA, "gtid", "gtid_enable is false: binlog coordinates are used");
        }
        if (server.flavour() == SourceFlavour.MARIADB) {
            return CheckResult.ok(AREA, "gtid", "MariaDB GTIDs, gtid_binlog_pos "
                    + variables.getOrDefault("gtid_binlog_pos", "empty"));
        }
        String mode = variables.getOrDefault("gtid_mode", "OFF").toUpperCase(Locale.ROOT);
        String consistency = variables.getOrDefault("enforce_gtid_consistency", "OFF").toUpperCase(Locale.ROOT);
        String found = "gtid_mode " + mode + ", enforce_gtid_consistency " + consistency;
        return mode.equals("ON") ? CheckResult.ok(AREA, "gtid", found)
                : CheckResult.fail(AREA, "gtid", found, "gtid_enable needs gtid_mode = ON (with "
                + "enforce_gtid_consistency = ON), set step by step as MySQL's manual describes, or set gtid_enable: "
                + "false");
    }
}
