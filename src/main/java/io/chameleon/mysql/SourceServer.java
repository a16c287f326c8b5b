package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The source server as identified by {@code SELECT VERSION()}. */
public record SourceServer(SourceFlavour flavour, String version) {

    public static SourceServer identify(Connection mysql) throws SQLException {
        try (Statement statement = mysql.createStatement();
                ResultSet row = statement.executeQuery("SELECT VERSION()")) {
            row.next();
            String version = row.getString(1);
            return new SourceServer(SourceFlavour.fromVersion(version), version);
        }
    }

    /** The statements this server's version understands. */
    public SourceDialect dialect() {
        return SourceDialect.fromVersion(version);
    }
}
