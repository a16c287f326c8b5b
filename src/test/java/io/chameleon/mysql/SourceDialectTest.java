package io.chameleon.mysql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every version-dependent statement, per {@code SELECT VERSION()} text as the servers print it. */
class SourceDialectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5.5.62-log                       | SHOW MASTER STATUS
            5.7.44                           | SHOW MASTER STATUS
            8.0.36-commercial                | SHOW MASTER STATUS
            8.0.40-0ubuntu0.22.04.1          | SHOW MASTER STATUS
            8.1.0                            | SHOW MASTER STATUS
            8.2.0                            | SHOW BINARY LOG STATUS
            8.3.0                            | SHOW BINARY LOG STATUS
            8.4.3                            | SHOW BINARY LOG STATUS
            9.1.0                            | SHOW BINARY LOG STATUS
            10.4.34-MariaDB                  | SHOW MASTER STATUS
            10.5.1-MariaDB                   | SHOW MASTER STATUS
            10.5.2-MariaDB                   | SHOW BINLOG STATUS
            10.11.9-MariaDB-log              | SHOW BINLOG STATUS
            10.11.6-MariaDB-0+deb12u1-log    | SHOW BINLOG STATUS
            5.5.5-10.11.9-MariaDB            | SHOW BINLOG STATUS
            11.4.3-MariaDB-ubu2404           | SHOW BINLOG STATUS
            """)
    void theBinlogPositionStatementIsTheOneTheVersionKnows(String version, String statement) {
        assertThat(SourceDialect.fromVersion(version).binlogStatusQuery()).isEqualTo(statement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5.5.62-log                       | MYSQL   | false | SELECT @@GLOBAL.gtid_executed
            5.6.51                           | MYSQL   | true  | SELECT @@GLOBAL.gtid_executed
            8.0.36-commercial                | MYSQL   | true  | SELECT @@GLOBAL.gtid_executed
            8.4.3                            | MYSQL   | true  | SELECT @@GLOBAL.gtid_executed
            9.1.0                            | MYSQL   | true  | SELECT @@GLOBAL.gtid_executed
            10.11.9-MariaDB-log              | MARIADB | false | SELECT @@GLOBAL.gtid_binlog_pos
            """)
    void theGtidPositionComesFromTheStatusRowOnMySqlAndFromAVariableOnMariaDb(String version, SourceFlavour flavour,
                                                                             boolean inStatusRow, String query) {
        SourceDialect dialect = SourceDialect.fromVersion(version);

        assertThat(dialect.flavour()).isEqualTo(flavour);
        assertThat(dialect.statusRowHasGtidSet()).isEqualTo(inStatusRow);
        assertThat(dialect.gtidPositionQuery()).isEqualTo(query);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5.7.44                           | false
            8.0.16                           | false
            8.0.17                           | true
            8.0.36-commercial                | true
            8.4.3                            | true
            9.1.0                            | true
            10.11.9-MariaDB-log              | false
            """)
    void logStatusIsOfferedFromMySql8017Only(String version, boolean offered) {
        assertThat(SourceDialect.fromVersion(version).logStatusQuery())
                .isEqualTo(offered ? Optional.of("SELECT LOCAL FROM performance_schema.log_status") : Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            8.0.36-commercial | GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'usr_replica'@'<host>'
            8.4.3 | GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'usr_replica'@'<host>'
            9.1.0 | GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'usr_replica'@'<host>'
            10.4.34-MariaDB | GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'usr_replica'@'<host>'
            10.11.9-MariaDB-log | GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'usr_replica'@'<host>'
            """)
    void theGrantUsesTheServersPrivilegeNames(String version, String grant) {
        assertThat(SourceDialect.fromVersion(version).replicationGrant("usr_replica")).isEqualTo(grant);
    }

    @Test
    void logStatusLocalColumnIsParsedIntoAPosition() {
        BinlogPosition position = SourceDialect.parseLogStatus("{\"gtid_executed\": "
                + "\"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\\n4f22fb58-71ca-11e1-9e33-c80aa9429562:1-3\", "
                + "\"binary_log_file\": \"binlog.000002\", \"binary_log_position\": 1307}");

        assertThat(position.file()).isEqualTo("binlog.000002");
        assertThat(position.position()).isEqualTo(1307);
        assertThat(position.gtidSet())
                .isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,4f22fb58-71ca-11e1-9e33-c80aa9429562:1-3");
    }

    @Test
    void logStatusWithoutGtidsHasNoGtidSet() {
        BinlogPosition position = SourceDialect.parseLogStatus(
                "{\"gtid_executed\": \"\", \"binary_log_file\": \"mysql-bin.000042\", \"binary_log_position\": 4}");

        assertThat(position).isEqualTo(new BinlogPosition("mysql-bin.000042", 4, null));
    }

    @Test
    void logStatusWithoutBinaryLogSaysSo() {
        assertThatThrownBy(() -> SourceDialect.parseLogStatus("{\"gtid_executed\": \"\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no binary_log_file and binary_log_position (is log_bin on?)");
        assertThatThrownBy(() -> SourceDialect.parseLogStatus("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not JSON");
    }

    @Test
    void anUnreadableVersionIsRefusedByName() {
        assertThatThrownBy(() -> SourceDialect.fromVersion("unknown"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server version 'unknown'");
    }
}
