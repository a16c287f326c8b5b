package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MasterStatus;
import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceDialect;
import io.chameleon.mysql.SourceFlavour;
import io.chameleon.mysql.SourceTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a consistent snapshot of one table with its binlog coordinates, holding locks as briefly as the engine
 * allows:
 * <ul>
 * <li>MariaDB, transactional table, one reader: no lock at all; {@code START TRANSACTION WITH CONSISTENT
 * SNAPSHOT} reports the binlog position its snapshot corresponds to.</li>
 * <li>Several readers, or MySQL: a separate session takes {@code FLUSH TABLES t WITH READ LOCK} (which waits for
 * writers of t to finish), every reader starts its snapshot, the position is read, and the lock is released:
 * milliseconds.</li>
 * <li>Non-transactional engines (MyISAM): the read lock is kept until the copy ends.</li>
 * </ul>
 * MySQL's {@code performance_schema.log_status} ({@link MasterStatus#fromLogStatus}) gives a position without a
 * lock, but nothing ties a transaction's read view to it, so the MySQL path keeps the brief table lock.
 */
final class SnapshotTaker {

    private final SourceConnector connector;
    private final SourceDialect dialect;

    SnapshotTaker(SourceConnector connector, SourceDialect dialect) {
        this.connector = connector;
        this.dialect = dialect;
    }

    TableSnapshot take(SourceTable table, int readerCount) throws SQLException {
        if (dialect.flavour() == SourceFlavour.MARIADB && table.transactional() && readerCount == 1) {
            return lockFree();
        }
        return underTableLock(table, readerCount);
    }

    private TableSnapshot lockFree() throws SQLException {
        Connection reader = connector.connectForCopy();
        try {
            startSnapshot(reader);
            return new TableSnapshot(List.of(reader), mariaDbSnapshotPosition(reader), null, 0, Duration.ZERO);
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private TableSnapshot underTableLock(SourceTable table, int readerCount) throws SQLException {
        List<Connection> readers = new ArrayList<>();
        Connection lockHolder = connector.connect();
        try {
            for (int i = 0; i < readerCount; i++) {
                readers.add(connector.connectForCopy());
            }
            try (Statement st = lockHolder.createStatement()) {
                st.execute("FLUSH TABLES " + MySqlIdentifiers.qualified(table.schema(), table.name()) + " WITH READ LOCK");
            }
            long lockedAt = System.nanoTime();
            for (Connection reader : readers) {
                startSnapshot(reader);
            }
            BinlogPosition position = MasterStatus.current(lockHolder, dialect);
            if (!table.transactional()) {
                return new TableSnapshot(readers, position, lockHolder, lockedAt, null);
            }
            try (Statement st = lockHolder.createStatement()) {
                st.execute("UNLOCK TABLES");
            }
            Duration held = Duration.ofNanos(System.nanoTime() - lockedAt);
            lockHolder.close();
            return new TableSnapshot(readers, position, null, 0, held);
        } catch (SQLException | RuntimeException e) {
            for (Connection reader : readers) {
                reader.close();
            }
            lockHolder.close();
            throw e;
        }
    }

    private static void startSnapshot(Connection reader) throws SQLException {
        reader.setAutoCommit(false);
        try (Statement st = reader.createStatement()) {
            st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        }
    }

    private static BinlogPosition mariaDbSnapshotPosition(Connection reader) throws SQLException {
        String file = null;
        long position = -1;
        try (Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
            while (rs.next()) {
                switch (rs.getString(1).toLowerCase()) {
                    case "binlog_snapshot_file" -> file = rs.getString(2);
                    case "binlog_snapshot_position" -> position = Long.parseLong(rs.getString(2));
                    default -> { }
                }
            }
        }
        if (file == null || file.isEmpty() || position < 0) {
            throw new SQLException("the server did not report binlog_snapshot_file/position; is log_bin on?");
        }
        return new BinlogPosition(file, position);
    }
}
