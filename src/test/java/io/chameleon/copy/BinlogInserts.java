package io.chameleon.copy;

import io.chameleon.testsupport.MariaDbDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the Write_rows events of one table in a binlog file from a start position, split at a given position,
 * read with {@code SHOW BINLOG EVENTS}: Table_map events name the table behind each table_id.
 *
 * @param upTo  events ending at or before the split position
 * @param after events ending after it
 */
record BinlogInserts(long upTo, long after) {

    private static final Pattern TABLE_MAP = Pattern.compile("table_id: (\\d+) \\((.+)\\)");
    private static final Pattern ROWS = Pattern.compile("table_id: (\\d+)");

    static BinlogInserts count(MariaDbDatabase source, String file, long from, long split, String qualifiedTable)
            throws SQLException {
        Map<String, String> tablesById = new HashMap<>();
        long upTo = 0;
        long after = 0;
        try (Connection connection = source.connect(); Statement st = connection.createStatement();
             ResultSet events = st.executeQuery("SHOW BINLOG EVENTS IN '" + file + "' FROM " + from)) {
            while (events.next()) {
                String type = events.getString("Event_type");
                String info = events.getString("Info");
                long end = events.getLong("End_log_pos");
                if (type.equals("Table_map")) {
                    Matcher map = TABLE_MAP.matcher(info);
                    if (map.find()) {
                        tablesById.put(map.group(1), map.group(2));
                    }
                } else if (type.startsWith("Write_rows")) {
                    Matcher rows = ROWS.matcher(info);
                    if (rows.find() && qualifiedTable.equals(tablesById.get(rows.group(1)))) {
                        if (end <= split) {
                            upTo++;
                        } else {
                            after++;
                        }
                    }
                }
            }
        }
        return new BinlogInserts(upTo, after);
    }
}
