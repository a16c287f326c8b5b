package io.chameleon.capture;

import io.chameleon.testsupport.PostgresDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empties the change log between benchmark runs and checks after each run that it holds exactly the generated
 * rows: counts and key sums against the generator, one image against its JSON, every batch complete with the
 * read position at the last one, and a digest over every column of every row equal to the first run's.
 */
final class ChangeLogCheck {

    private final PostgresDatabase database;
    private final String schema;
    private final ItemChangeBatches.Totals expected;
    private final List<ItemChangeBatches.Batch> batches;
    private BigDecimal referenceDigest;
    private String referenceWriter;

    ChangeLogCheck(PostgresDatabase database, String schema, ItemChangeBatches.Totals expected,
                   List<ItemChangeBatches.Batch> batches) {
        this.database = database;
        this.schema = schema;
        this.expected = expected;
        this.batches = batches;
    }

    /** Same starting point for every run: no rows, batch ids from 1 (same partition), no dirty buffers. */
    void reset() {
        database.execute("TRUNCATE " + schema + ".change_log, " + schema + ".log_batch RESTART IDENTITY",
                "DELETE FROM " + schema + ".read_position", "CHECKPOINT");
    }

    void verify(String writer) throws SQLException {
        ItemChangeBatches.Batch last = batches.get(batches.size() - 1);
        assertThat(database.queryForList("SELECT count(*), sum(row_count), bool_and(complete) FROM " + schema
                + ".log_batch")).as(writer).containsExactly(List.of((long) batches.size(), expected.rows(), true));
        assertThat(database.queryForList("SELECT binlog_file, binlog_position FROM " + schema + ".read_position"))
                .as(writer).containsExactly(List.of(last.end().file(), last.end().position()));
        try (Connection c = database.connect();
             PreparedStatement st = c.prepareStatement("SELECT count(*), count(event_time),"
                     + " coalesce(sum(row_after[1]::bigint), 0), coalesce(sum(row_before[1]::bigint), 0),"
                     + " sum(hashtextextended(concat_ws('|', batch_id, event_seq, table_id, operation, binlog_file,"
                     + " binlog_position, event_time, row_before, row_after, ddl), 0)::numeric),"
                     + " bool_or(batch_id = 1 AND event_seq = 1 AND row_after[1] = ? AND row_after[5] = ?"
                     + " AND cardinality(row_after) = 10), count(DISTINCT layout_id)"
                     + " FROM " + schema + ".change_log")) {
            // the generator's first change inserts id 100001
            st.setString(1, "100001");
            st.setString(2, "item 100001 ü😀");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as(writer + ": rows").isEqualTo(expected.rows());
                assertThat(rs.getLong(2)).as(writer + ": event times").isEqualTo(expected.rows());
                assertThat(rs.getLong(3)).as(writer + ": sum of ids in after images").isEqualTo(expected.afterIdSum());
                assertThat(rs.getLong(4)).as(writer + ": sum of ids in before images").isEqualTo(expected.beforeIdSum());
                assertThat(rs.getBoolean(6)).as(writer + ": first image as generated").isTrue();
                assertThat(rs.getLong(7)).as(writer + ": row layouts").isEqualTo(1);
                BigDecimal digest = rs.getBigDecimal(5);
                if (referenceDigest == null) {
                    referenceDigest = digest;
                    referenceWriter = writer;
                }
                assertThat(digest).as(writer + ": digest of every column equal to " + referenceWriter + "'s")
                        .isEqualTo(referenceDigest);
            }
        }
    }
}
