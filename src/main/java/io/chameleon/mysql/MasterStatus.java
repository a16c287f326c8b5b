package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the server's current binlog position ({@code SHOW MASTER STATUS}). */
public final class MasterStatus {

    private MasterStatus() {
    }

    public static BinlogPosition current(Connection mysql) throws SQLException {
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            if (!rs.next()) {
                throw new SQLException("SHOW MASTER STATUS returned nothing: the binary log is off; "
                        + "set log_bin in the MySQL configuration");
            }
            return new BinlogPosition(rs.getString(1), rs.getLong(2), gtidOf(mysql));
        }
    }

    /** MariaDB's current GTID position, or MySQL's executed set; null when the server has none. */
    private static String gtidOf(Connection mysql) throws SQLException {
        try (Statement st = mysql.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@GLOBAL.gtid_binlog_pos")) {
            String gtid = rs.next() ? rs.getString(1) : null;
            return gtid == null || gtid.isEmpty() ? null : gtid;
        } catch (SQLException notMariaDb) {
            try (Statement st = mysql.createStatement();
                 ResultSet rs = st.executeQuery("SELECT @@GLOBAL.gtid_executed")) {
                String gtid = rs.next() ? rs.getString(1) : null;
                return gtid == null || gtid.isEmpty() ? null : gtid;
            } catch (SQLException noGtid) {
                return null;
            }
        }
    }
}
