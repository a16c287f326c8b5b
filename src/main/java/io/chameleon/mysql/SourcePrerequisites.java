package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The binlog settings row-based replication needs, checked before a copy and on each start of the reader. */
public final class SourcePrerequisites {

    private static final String VARIABLES = "SHOW GLOBAL VARIABLES WHERE Variable_name IN "
            + "('log_bin', 'binlog_format', 'binlog_row_image', 'binlog_row_metadata', 'binlog_row_value_options')";

    /**
     * @param problems settings that prevent replication, each saying what to set in the MySQL configuration
     * @param warnings settings that work but are not recommended
     */
    public record Result(List<String> problems, List<String> warnings) {

        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private SourcePrerequisites() {
    }

    public static Result check(Connection mysql) throws SQLException {
        Map<String, String> variables = new HashMap<>();
        try (Statement statement = mysql.createStatement(); ResultSet rows = statement.executeQuery(VARIABLES)) {
            while (rows.next()) {
                variables.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        return evaluate(variables);
    }

    /**
     * Judges the server variables by name (lower case); a missing variable means a server too old to have it
     * (MariaDB has no binlog_row_value_options). Each problem names the variable, its value and the fix.
     */
    public static Result evaluate(Map<String, String> variables) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String logBin = variables.getOrDefault("log_bin", "OFF");
        if (!logBin.equalsIgnoreCase("ON")) {
            problems.add("log_bin is " + logBin + "; enable the binary log with log_bin=<base name> (and a "
                    + "unique server_id) under [mysqld] in my.cnf and restart the server (log_bin cannot be set "
                    + "at run time)");
        }
        requireValue(variables, "binlog_format", "ROW", "statements cannot be replayed row by row", problems);
        if (variables.containsKey("binlog_row_image")) { // MySQL 5.5 has no such variable and logs full rows
            requireValue(variables, "binlog_row_image", "FULL", "row events must carry every column", problems);
        }
        String valueOptions = variables.get("binlog_row_value_options");
        if (valueOptions != null && valueOptions.toUpperCase(Locale.ROOT).contains("PARTIAL_JSON")) {
            problems.add("binlog_row_value_options is " + valueOptions + "; chameleon does not apply partial JSON "
                    + "updates (row events must carry whole JSON values): "
                    + fix("binlog_row_value_options", "''", "''"));
        }
        String metadata = variables.get("binlog_row_metadata");
        if (metadata != null && !metadata.equalsIgnoreCase("FULL")) {
            warnings.add("binlog_row_metadata is " + metadata + "; binlog_row_metadata=FULL in the MySQL "
                    + "configuration is recommended (column names and types in row events)");
        }
        return new Result(problems, warnings);
    }

    private static void requireValue(Map<String, String> variables, String name, String required, String why,
                                     List<String> problems) {
        String actual = variables.getOrDefault(name, "not set");
        if (!actual.equalsIgnoreCase(required)) {
            problems.add(name + " is " + actual + "; chameleon needs " + required + " (" + why + "): "
                    + fix(name, "'" + required + "'", required));
        }
    }

    /** Both halves of the fix: now (sessions already open keep the old value) and after a restart. */
    private static String fix(String name, String sqlValue, String optionFileValue) {
        return "run SET GLOBAL " + name + " = " + sqlValue + " and write " + name + " = " + optionFileValue
                + " under [mysqld] in my.cnf";
    }
}
