package io.chameleon.capture;

import io.chameleon.postgres.PgIdentifiers;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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
        int n = changes.size();
        Integer[] seqs = new Integer[n];
        Integer[] tables = new Integer[n];
        String[] operations = new String[n];
        String[] files = new String[n];
        Long[] positions = new Long[n];
        String[] times = new String[n];
        String[] befores = new String[n];
        String[] afters = new String[n];
        String[] ddls = new String[n];
        for (int i = 0; i < n; i++) {
            LoggedChange change = changes.get(i);
            seqs[i] = firstSeq + i;
            tables[i] = change.tableId();
            operations[i] = change.operation().text();
            files[i] = change.position().file();
            positions[i] = change.position().position();
            times[i] = change.sourceMillis() > 0 ? Instant.ofEpochMilli(change.sourceMillis()).toString() : null;
            befores[i] = text(change.before());
            afters[i] = text(change.after());
            ddls[i] = change.ddl();
        }
        ps.setLong(1, batchId);
        ps.setArray(2, pg.createArrayOf("int4", seqs));
        ps.setArray(3, pg.createArrayOf("int4", tables));
        ps.setArray(4, pg.createArrayOf("text", operations));
        ps.setArray(5, pg.createArrayOf("text", files));
        ps.setArray(6, pg.createArrayOf("int8", positions));
        ps.setArray(7, pg.createArrayOf("text", times)); // ISO-8601 text, as the COPY path writes it
        ps.setArray(8, pg.createArrayOf("text", befores));
        ps.setArray(9, pg.createArrayOf("text", afters));
        ps.setArray(10, pg.createArrayOf("text", ddls));
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }
}
