package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Reads the server's current binlog position with the statement its version understands ({@link SourceDialect}):
 * {@code SHOW BINARY LOG STATUS} on MySQL 8.2+, {@code SHOW BINLOG STATUS} on MariaDB 10.5.2+, else
 * {@code SHOW MASTER STATUS}.
 */
public final class MasterStatus {

    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: the server names the missing privilege; we add the grant. */
    private static final int ACCESS_DENIED = 1227;

    private MasterStatus() {
    }

    public static BinlogPosition current(Connection mysql, SourceDialect dialect) throws SQLException {
        String query = dialect.binlogStatusQuery();
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            if (!rs.next()) {
                throw new SQLException(query + " returned nothing: the binary log is off; "
                        + "set log_bin in the MySQL configuration");
            }
            String gtid = dialect.statusRowHasGtidSet() && rs.getMetaData().getColumnCount() >= 5
                    // Executed_Gtid_Set, read with the file and position, so it agrees with them
                    ? SourceDialect.gtidSet(rs.getString(5))
                    : gtidOf(mysql, dialect);
            return new BinlogPosition(rs.getString(1), rs.getLong(2), gtid);
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED) {
                throw new SQLException(query + " was refused: " + e.getMessage() + "; give the source user the "
                        + "replication privileges: " + dialect.replicationGrant(mysql.getMetaData().getUserName()
                        .replaceFirst("@.*$", "")), e.getSQLState(), e.getErrorCode(), e);
            }
            throw e;
        }
    }

    /**
     * The position from {@code performance_schema.log_status} when the server has it and the user holds
     * BACKUP_ADMIN; empty otherwise (the caller then uses {@link #current}). File, position and GTID set are
     * collected while the server briefly blocks logging, so they agree with each other; the read views of
     * transactions are not tied to it, so it does not replace the copy's table lock.
     */
    public static Optional<BinlogPosition> fromLogStatus(Connection mysql, SourceDialect dialect) {
        Optional<String> query = dialect.logStatusQuery();
        if (query.isEmpty()) {
            return Optional.empty();
        }
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery(query.get())) {
            return rs.next() ? Optional.of(SourceDialect.parseLogStatus(rs.getString(1))) : Optional.empty();
        } catch (SQLException noBackupAdmin) {
            return Optional.empty();
        }
    }

    /** MariaDB's current GTID position, or MySQL's executed set; null when the server has none. */
    private static String gtidOf(Connection mysql, SourceDialect dialect) {
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery(dialect.gtidPositionQuery())) {
            return rs.next() ? SourceDialect.gtidSet(rs.getString(1)) : null;
        } catch (SQLException noGtid) {
            return null; // MySQL 5.5 has no GTIDs
        }
    }
}
