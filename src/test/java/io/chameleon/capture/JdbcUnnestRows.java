package io.chameleon.capture;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The benchmark's control for the reactive unnest writer: the same INSERT over {@code unnest} of array parameters,
 * sent through pgjdbc (one round trip per statement) in place of {@link ChangeLogWriter#appendRows}'s COPY, so
 * the statement's shape and the client can be told apart.
 */
final class JdbcUnnestRows {

    private final String sql;

    JdbcUnnestRows(String schema) {
        this.sql = "INSERT INTO " + PgIdentifiers.qualified(schema, "change_log") + " (batch_id, event_seq, table_id,"
                + " operation, binlog_file, binlog_position, event_time, row_before, row_after, ddl)"
                + " SELECT ?, s, t, o, f, p, e, b::jsonb, a::jsonb, d FROM unnest(?::int[], ?::int[], ?::text[],"
                + " ?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])"
                + " AS u(s, t, o, f, p, e, b, a, d)";
    }

    void append(Connection pg, long batchId, int firstSeq, List<LoggedChange> changes, int subBatchRows)
            throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(sql)) {
            for (int from = 0; from < changes.size(); from += subBatchRows) {
                List<LoggedChange> part = changes.subList(from, Math.min(changes.size(), from + subBatchRows));
                bind(pg, ps, batchId, firstSeq + from, part);
                ps.executeUpdate();
            }
        }
    }

    private static void bind(Connection pg, PreparedStatement ps, long batchId, int firstSeq,
                             List<LoggedChange> changes) throws SQLException {
        ChangeLogColumns columns = ChangeLogColumns.of(firstSeq, changes);
        String[] times = new String[columns.times().length];
        for (int i = 0; i < times.length; i++) {
            times[i] = columns.times()[i] == null ? null : columns.times()[i].toString();
        }
        ps.setLong(1, batchId);
        ps.setArray(2, pg.createArrayOf("int4", columns.seqs()));
        ps.setArray(3, pg.createArrayOf("int4", columns.tables()));
        ps.setArray(4, pg.createArrayOf("text", columns.operations()));
        ps.setArray(5, pg.createArrayOf("text", columns.files()));
        ps.setArray(6, pg.createArrayOf("int8", columns.positions()));
        ps.setArray(7, pg.createArrayOf("text", times)); // ISO-8601 text, as the COPY path writes it
        ps.setArray(8, pg.createArrayOf("text", columns.befores()));
        ps.setArray(9, pg.createArrayOf("text", columns.afters()));
        ps.setArray(10, pg.createArrayOf("text", columns.ddls()));
    }
}
