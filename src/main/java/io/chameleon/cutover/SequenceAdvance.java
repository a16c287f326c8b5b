package io.chameleon.cutover;

import io.chameleon.catalogue.ReplicatedTable;
import io.chameleon.error.ConnectionException;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.Sequences;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets every sequence of the detached tables (identity and serial columns) past the values in use: the highest of
 * the column's {@code max()}, the value before the source's next AUTO_INCREMENT (so ids of rows deleted at the end
 * of the table are not handed out again, as MySQL would not) and what the sequence has already handed out — a
 * sequence never goes back.
 */
final class SequenceAdvance {

    /** One sequence: its table and column, and the value the next insert without a key gets. */
    record Advanced(String table, String column, String sequence, long nextValue, boolean moved) {
    }

    private final Connection pg;
    private final Connection mysql;

    SequenceAdvance(Connection pg, Connection mysql) {
        this.pg = pg;
        this.mysql = mysql;
    }

    List<Advanced> advance(List<ReplicatedTable> tables) throws SQLException {
        List<Advanced> advanced = new ArrayList<>();
        Map<String, Map<String, Long>> autoIncrements = new HashMap<>();
        for (ReplicatedTable table : tables) {
            String qualified = PgIdentifiers.qualified(table.destinationSchema(), table.tableName());
            List<Sequences.Owned> owned = Sequences.ownedBy(pg, qualified);
            if (owned.isEmpty()) {
                continue;
            }
            Long autoIncrement = autoIncrements.computeIfAbsent(table.originSchema(), this::autoIncrements)
                    .get(table.tableName());
            Map<Long, Sequences.State> states = Sequences.states(pg, owned.stream().map(Sequences.Owned::oid)
                    .toList());
            for (Sequences.Owned column : owned) {
                Sequences.State state = states.get(column.oid());
                long target = state.taken();
                Long max = max(qualified, column.column());
                if (max != null) {
                    target = Math.max(target, max);
                }
                if (autoIncrement != null && owned.size() == 1) {
                    target = Math.max(target, autoIncrement - 1);
                }
                target = Math.min(target, state.max());
                boolean moved = target > state.taken();
                if (moved) {
                    Sequences.setTaken(pg, Map.of(column.oid(), target));
                }
                advanced.add(new Advanced(table.destinationSchema() + "." + table.tableName(), column.column(),
                        column.sequence(), target + 1, moved));
            }
        }
        return advanced;
    }

    private Long max(String qualifiedTable, String column) throws SQLException {
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("SELECT max("
                + PgIdentifiers.quote(column) + ")::bigint FROM " + qualifiedTable)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    /** AUTO_INCREMENT (the next value) of the tables of a source database; may lag on MySQL 8's cached statistics. */
    private Map<String, Long> autoIncrements(String database) {
        Map<String, Long> values = new HashMap<>();
        try (PreparedStatement ps = mysql.prepareStatement("SELECT TABLE_NAME, AUTO_INCREMENT FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = ? AND AUTO_INCREMENT IS NOT NULL")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("cannot read AUTO_INCREMENT of source database " + database + ": "
                    + e.getMessage(), e);
        }
        return values;
    }
}
