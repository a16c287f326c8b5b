package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The binlog files the server still has ({@code SHOW BINARY LOGS}, the same on MariaDB and MySQL 5.7 to 9). */
public final class BinaryLogs {

    private BinaryLogs() {
    }

    /** The oldest binlog file the server keeps, empty when it lists none. */
    public static Optional<String> oldest(Connection mysql) throws SQLException {
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * Whether the server refused to stream because the binlog asked for is gone: error 1236 with MariaDB's and
     * MySQL's texts for a purged file, or MySQL's for purged GTIDs.
     */
    public static boolean isPurged(String message) {
        return message != null && (message.contains("Could not find first log file name in binary log index file")
                || message.contains("purged required binary logs")
                || message.contains("purged binary logs containing GTIDs"));
    }
}
