package io.chameleon.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Whether the target database has the PostGIS extension (geometry columns then map to geometry). */
public final class PostGis {

    private PostGis() {
    }

    public static boolean available(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            return rs.next();
        }
    }
}
