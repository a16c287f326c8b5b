package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Default character set and collation of databases: a table created by DDL without its own takes them, and the
 * binlog does not carry them.
 */
public final class DatabaseDefaults {

    private DatabaseDefaults() {
    }

    /** {@code [charset, collation]} by database name, for those of {@code databases} that exist. */
    public static Map<String, String[]> of(Connection mysql, Collection<String> databases) throws SQLException {
        Map<String, String[]> defaults = new HashMap<>();
        try (PreparedStatement ps = mysql.prepareStatement("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME,"
                + " DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (databases.contains(rs.getString(1))) {
                        defaults.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return defaults;
    }
}
