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
                "log_bin is OFF; enable the binary log with log_bin=<base name> (and a unique server_id) under "
                        + "[mysqld] in my.cnf and restart the server (log_bin cannot be set at run time)",
                "binlog_format is STATEMENT; chameleon needs ROW (statements cannot be replayed row by row): run "
                        + "SET GLOBAL binlog_format = 'ROW' and write binlog_format = ROW under [mysqld] in my.cnf",
                "binlog_row_image is MINIMAL; chameleon needs FULL (row events must carry every column): run "
                        + "SET GLOBAL binlog_row_image = 'FULL' and write binlog_row_image = FULL under [mysqld] "
                        + "in my.cnf");
        assertThat(result.warnings()).containsExactly("binlog_row_metadata is MINIMAL; binlog_row_metadata=FULL in "
                + "the MySQL configuration is recommended (column names and types in row events)");
    }

    @Test
    void assumesFullRowsOnServersWithoutTheVariables() {
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "ON", "binlog_format", "ROW"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void partialJsonUpdatesOfMySql8AreRefusedWithTheFix() {
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "ON", "binlog_format",
                "ROW", "binlog_row_image", "FULL", "binlog_row_value_options", "PARTIAL_JSON"));
        assertThat(result.problems()).containsExactly("binlog_row_value_options is PARTIAL_JSON; chameleon does not "
                + "apply partial JSON updates (row events must carry whole JSON values): run SET GLOBAL "
                + "binlog_row_value_options = '' and write binlog_row_value_options = '' under [mysqld] in my.cnf");
    }

    @Test
    void mySql8DefaultsAreAccepted() {
        // MySQL 8.0 to 9 defaults: ROW, FULL, no partial JSON, binlog_row_metadata MINIMAL (only a warning)
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "ON", "binlog_format",
                "ROW", "binlog_row_image", "FULL", "binlog_row_value_options", "", "binlog_row_metadata", "MINIMAL"));
        assertThat(result.ok()).isTrue();
        assertThat(result.warnings()).hasSize(1);
    }

    @Test
    void aMissingBinlogFormatIsAProblem() {
        SourcePrerequisites.Result result = SourcePrerequisites.evaluate(Map.of("log_bin", "ON"));
        assertThat(result.problems()).singleElement().asString()
                .startsWith("binlog_format is not set; chameleon needs ROW");
    }
}
