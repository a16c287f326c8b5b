package io.chameleon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RealServers
class MariaDbServerTest {

    @Test
    void binlogIsOnInRowFormatWithFullImageAndMetadata(MariaDbDatabase db) {
        Map<String, String> variables = new HashMap<>();
        for (List<Object> row : db.queryForList("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin', "
                + "'binlog_format', 'binlog_row_image', 'binlog_row_metadata', 'server_id', 'character_set_server')")) {
            variables.put((String) row.get(0), String.valueOf(row.get(1)));
        }
        assertEquals("ON", variables.get("log_bin"));
        assertEquals("ROW", variables.get("binlog_format"));
        assertEquals("FULL", variables.get("binlog_row_image"));
        assertEquals("FULL", variables.get("binlog_row_metadata"));
        assertNotEquals("0", variables.get("server_id"));
        assertTrue(Long.parseLong(variables.get("server_id")) > 0);
        assertEquals("utf8mb4", variables.get("character_set_server"));
    }

    @Test
    void accountCanReadTheBinlogPosition(MariaDbDatabase db) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            assertTrue(status.next(), "SHOW MASTER STATUS returned no row: binlog off or privilege missing");
            assertTrue(status.getString("File").matches("mysql-bin\\.\\d+"), status.getString("File"));
            assertTrue(status.getLong("Position") > 0);
        }
        List<List<Object>> grants = db.queryForList("SHOW GRANTS");
        assertTrue(grants.stream().map(g -> g.get(0).toString()).anyMatch(grant -> grant.contains(" ON *.* ")
                && (grant.contains("ALL PRIVILEGES") || grant.contains("REPLICATION SLAVE"))), grants.toString());
    }

    @Test
    void writesAndReadsRowsInItsOwnDatabase(MariaDbDatabase db) {
        db.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50)) ENGINE=InnoDB",
                "INSERT INTO greeting VALUES (1, 'grüß dich'), (2, '👋')");

        assertEquals(List.of(List.of(1, "grüß dich"), List.of(2, "👋")),
                db.queryForList("SELECT id, text FROM greeting ORDER BY id"));
        assertEquals(List.of(List.of(db.name())), db.queryForList("SELECT DATABASE()"));
        assertEquals(List.of(List.of(db.server().user())),
                db.queryForList("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"));
        assertTrue(db.jdbcUrl().startsWith("jdbc:mysql://" + db.server().host() + ":" + db.server().port() + "/" + db.name()));
    }
}
