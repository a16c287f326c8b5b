package io.chameleon.mysql;

import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The position statement the dialect chooses, run against the test MariaDB (10.11: SHOW BINLOG STATUS). */
@RealServers
class MasterStatusTest {

    @Test
    void readsThePositionWithTheStatementOfTheServersVersion(MariaDbDatabase source) throws SQLException {
        try (Connection mysql = source.connect()) {
            SourceDialect dialect = SourceServer.identify(mysql).dialect();
            assertThat(dialect.binlogStatusQuery()).isEqualTo("SHOW BINLOG STATUS");

            BinlogPosition position = MasterStatus.current(mysql, dialect);

            // the old name, which MariaDB keeps as an alias, reads the same log (other tests may write in between)
            try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                assertThat(rs.next()).isTrue();
                BinlogPosition legacy = new BinlogPosition(rs.getString(1), rs.getLong(2));
                assertThat(position.file()).isEqualTo(legacy.file());
                assertThat(position.position()).isLessThanOrEqualTo(legacy.position());
            }
            assertThat(position.gtidSet()).matches("\\d+-\\d+-\\d+(,\\d+-\\d+-\\d+)*");
        }
    }

    @Test
    void mariaDbHasNoLogStatus(MariaDbDatabase source) throws SQLException {
        try (Connection mysql = source.connect()) {
            assertThat(MasterStatus.fromLogStatus(mysql, SourceServer.identify(mysql).dialect())).isEmpty();
        }
    }
}
