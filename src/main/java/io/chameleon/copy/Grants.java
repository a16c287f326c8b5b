package io.chameleon.copy;

import io.chameleon.postgres.PgIdentifiers;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/** grant_select_to: read access for the listed roles to the replicated schemas, now and for tables created later. */
final class Grants {

    private Grants() {
    }

    static void apply(Connection pg, List<String> roles, Collection<String> schemas, PrintWriter out)
            throws SQLException {
        for (String role : roles) {
            if (!roleExists(pg, role)) {
                out.println("WARNING: role " + role + " of grant_select_to does not exist; no grants given to it");
                continue;
            }
            try (Statement st = pg.createStatement()) {
                for (String schema : schemas) {
                    String s = PgIdentifiers.quote(schema);
                    String r = PgIdentifiers.quote(role);
                    st.execute("GRANT USAGE ON SCHEMA " + s + " TO " + r);
                    st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + s + " TO " + r);
                    st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT SELECT ON TABLES TO " + r);
                }
            }
        }
    }

    private static boolean roleExists(Connection pg, String role) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
