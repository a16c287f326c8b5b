package io.chameleon.preflight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The source's global variables, read once; names in lower case. */
final class ServerVariables {

    private final Map<String, String> values;

    private ServerVariables(Map<String, String> values) {
        this.values = values;
    }

    static ServerVariables read(Connection mysql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Statement st = mysql.createStatement(); ResultSet rows = st.executeQuery("SHOW GLOBAL VARIABLES")) {
            while (rows.next()) {
                values.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        return new ServerVariables(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String getOrDefault(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    Map<String, String> all() {
        return values;
    }
}
