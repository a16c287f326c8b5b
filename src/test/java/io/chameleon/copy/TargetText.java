package io.chameleon.copy;

import io.chameleon.testsupport.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows of a copied table as PostgreSQL prints them ({@code column::text}, session time zone UTC), for assertions. */
final class TargetText {

    private TargetText() {
    }

    /** Every column of {@code schema.table}, in table order, of the rows ordered by {@code orderBy}. */
    static List<Map<String, String>> rows(PostgresDatabase target, String schema, String table, String orderBy) {
        try (Connection pg = target.connect(); Statement st = pg.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                    + schema + "' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String select = columns.stream().map(c -> "\"" + c + "\"::text").collect(Collectors.joining(", "));
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT " + select + " FROM \"" + schema + "\".\"" + table
                    + "\" ORDER BY " + orderBy)) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), rs.getString(i + 1));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + schema + "." + table + ": " + e.getMessage(), e);
        }
    }
}
