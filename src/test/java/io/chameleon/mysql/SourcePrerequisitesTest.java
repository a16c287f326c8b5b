package io.chameleon.mysql;

import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@RealServers
class SourcePrerequisitesTest {

    @Test
    void acceptsTheTestServer(MariaDbDatabase source) throws SQLException {
        try (Connection mysql = source.connect()) {
            SourcePrerequisites.Result result = SourcePrerequisites.check(mysql);
            assertThat(result.problems()).isEmpty();
            assertThat(result.warnings()).isEmpty();
            assertThat(result.ok()).isTrue();
        }
    }

    @Test
    void saysWhatToSetForEachWrongSetting() {
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "OFF",
                "binlog_format", "STATEMENT", "binlog_row_image", "MINIMAL", "binlog_row_metadata", "MINIMAL"));
        assertThat(result.problems()).containsExactly(
                "log_bin is OFF; enable the binary log with log_bin=<base name> (and a unique server_id) in the "
                        + "MySQL configuration",
                "binlog_format is STATEMENT; set binlog_format=ROW in the MySQL configuration",
                "binlog_row_image is MINIMAL; set binlog_row_image=FULL in the MySQL configuration");
        assertThat(result.warnings()).containsExactly("binlog_row_metadata is MINIMAL; binlog_row_metadata=FULL in "
                + "the MySQL configuration is recommended (column names and types in row events)");
    }

    @Test
    void assumesFullRowsOnServersWithoutTheVariables() {
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "ON", "binlog_format", "ROW"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }
}
