package io.chameleon.capture;

import io.chameleon.catalog.ChangeLogPartitions;
import io.chameleon.catalog.ReplayChannel;
import io.chameleon.postgres.PgIdentifiers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reader's batch write of {@link ChangeLogWriter} (open the batch, append its rows, complete it, save the
 * position, wake replay, commit) on the Vert.x reactive pg client, for the benchmark only. After the batch id is
 * known, every statement of the transaction is sent without waiting for the one before (pipelining); the rows go
 * in sub-batches either as one prepared INSERT per row ({@code executeBatch}) or as one INSERT over
 * {@code unnest} of array parameters per sub-batch.
 */
final class ReactiveChangeLogWriter implements AutoCloseable {

    enum Shape { INSERT_BATCH, UNNEST }

    private static final String COLUMNS = "(batch_id, event_seq, table_id, operation, binlog_file, binlog_position,"
            + " event_time, row_before, row_after, ddl)";

    private final PgConnection pg;
    private final String schema;
    private final int sourceId;
    private final Shape shape;
    private final int subBatchRows;
    private final String insertRows;
    private long lastEventMillis;
    private OffsetDateTime lastEventTime;

    private ReactiveChangeLogWriter(PgConnection pg, String schema, int sourceId, Shape shape, int subBatchRows) {
        this.pg = pg;
        this.schema = schema;
        this.sourceId = sourceId;
        this.shape = shape;
        this.subBatchRows = subBatchRows;
        // jsonb parameters of this client take JSON values and encode them itself; the images are JSON text
        // already, so they are sent as text and cast by the server (as COPY text is parsed by it)
        this.insertRows = switch (shape) {
            case INSERT_BATCH -> "INSERT INTO " + table("change_log") + " " + COLUMNS + " VALUES ($1, $2, $3, $4, $5,"
                    + " $6, $7, $8::text::jsonb, $9::text::jsonb, $10)";
            case UNNEST -> "INSERT INTO " + table("change_log") + " " + COLUMNS + " SELECT $1::bigint, s, t, o, f, p, e,"
                    + " b::jsonb, a::jsonb, d FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::bigint[],"
                    + " $7::timestamptz[], $8::text[], $9::text[], $10::text[]) AS u(s, t, o, f, p, e, b, a, d)";
        };
    }

    static ReactiveChangeLogWriter connect(Vertx vertx, PgConnectOptions options, String schema, int sourceId,
                                           Shape shape, int subBatchRows) {
        return new ReactiveChangeLogWriter(await(PgConnection.connect(vertx, options)), schema, sourceId, shape,
                subBatchRows);
    }

    int backendPid() {
        return await(pg.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
    }

    /** One log batch in one transaction, as the reader writes it. */
    void write(ItemChangeBatches.Batch batch) {
        Transaction tx = await(pg.begin());
        try {
            long batchId = await(pg.preparedQuery("INSERT INTO " + table("log_batch") + " (source_id,"
                    + " start_binlog_file, start_binlog_position, end_binlog_file, end_binlog_position,"
                    + " transaction_count, row_count, first_event_time, complete)"
                    + " VALUES ($1, $2, $3, $2, $3, 0, 0, $4, false) RETURNING batch_id")
                    .execute(Tuple.of(sourceId, batch.start().file(), batch.start().position(),
                            eventTime(batch.firstMillis())))).iterator().next().getLong(0);
            List<Future<?>> sent = new ArrayList<>();
            sent.add(pg.query(ensurePartition(batchId)).execute());
            List<LoggedChange> changes = batch.changes();
            for (int from = 0; from < changes.size(); from += subBatchRows) {
                List<LoggedChange> part = changes.subList(from, Math.min(changes.size(), from + subBatchRows));
                sent.add(shape == Shape.UNNEST ? pg.preparedQuery(insertRows).execute(arrays(batchId, from + 1, part))
                        : pg.preparedQuery(insertRows).executeBatch(tuples(batchId, from + 1, part)));
            }
            sent.add(pg.preparedQuery("UPDATE " + table("log_batch") + " SET end_binlog_file = $1,"
                    + " end_binlog_position = $2, end_gtid_set = $3, transaction_count = $4, row_count = $5,"
                    + " last_event_time = $6, complete = true WHERE batch_id = $7")
                    .execute(Tuple.of(batch.end().file(), batch.end().position(), batch.end().gtidSet(),
                            batch.transactions(), changes.size(), eventTime(batch.lastMillis()), batchId)));
            sent.add(pg.preparedQuery("INSERT INTO " + table("read_position") + " (source_id, binlog_file,"
                    + " binlog_position, gtid_set, last_event_time, updated_at) VALUES ($1, $2, $3, $4, $5, now())"
                    + " ON CONFLICT (source_id) DO UPDATE SET binlog_file = excluded.binlog_file,"
                    + " binlog_position = excluded.binlog_position, gtid_set = coalesce(excluded.gtid_set,"
                    + " read_position.gtid_set), last_event_time = coalesce(excluded.last_event_time,"
                    + " read_position.last_event_time), updated_at = now()")
                    .execute(Tuple.of(sourceId, batch.end().file(), batch.end().position(), batch.end().gtidSet(),
                            eventTime(batch.lastMillis()))));
            sent.add(pg.preparedQuery("SELECT pg_notify($1, '')").execute(Tuple.of(ReplayChannel.name(sourceId))));
            await(Future.all(sent).compose(done -> tx.commit()));
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    /** As {@link ChangeLogPartitions#ensurePartitionFor} does inside a transaction: create if absent, then lock. */
    private String ensurePartition(long batchId) {
        long lower = ChangeLogPartitions.lowerBound(batchId);
        String partition = table("change_log_p" + lower / ChangeLogPartitions.BATCHES_PER_PARTITION);
        return "SAVEPOINT ensure_partition; CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF "
                + table("change_log") + " FOR VALUES FROM (" + lower + ") TO ("
                + (lower + ChangeLogPartitions.BATCHES_PER_PARTITION) + "); LOCK TABLE " + partition
                + " IN ROW EXCLUSIVE MODE; RELEASE SAVEPOINT ensure_partition";
    }

    private List<Tuple> tuples(long batchId, int firstSeq, List<LoggedChange> changes) {
        List<Tuple> tuples = new ArrayList<>(changes.size());
        int seq = firstSeq;
        for (LoggedChange change : changes) {
            tuples.add(Tuple.tuple().addLong(batchId).addInteger(seq++).addInteger(change.tableId())
                    .addString(change.operation().text()).addString(change.position().file())
                    .addLong(change.position().position()).addOffsetDateTime(eventTime(change.sourceMillis()))
                    .addString(ChangeLogColumns.text(change.before()))
                    .addString(ChangeLogColumns.text(change.after())).addString(change.ddl()));
        }
        return tuples;
    }

    private Tuple arrays(long batchId, int firstSeq, List<LoggedChange> changes) {
        ChangeLogColumns columns = ChangeLogColumns.of(firstSeq, changes);
        OffsetDateTime[] times = new OffsetDateTime[columns.times().length];
        for (int i = 0; i < times.length; i++) {
            times[i] = columns.times()[i] == null ? null : eventTime(columns.times()[i].toEpochMilli());
        }
        return Tuple.tuple().addLong(batchId).addArrayOfInteger(columns.seqs()).addArrayOfInteger(columns.tables())
                .addArrayOfString(columns.operations()).addArrayOfString(columns.files())
                .addArrayOfLong(columns.positions()).addArrayOfOffsetDateTime(times)
                .addArrayOfString(columns.befores()).addArrayOfString(columns.afters())
                .addArrayOfString(columns.ddls());
    }

    /** Rows of one source transaction share their event time, so the last one is kept (as the COPY writer does). */
    private OffsetDateTime eventTime(long millis) {
        if (millis <= 0) {
            return null;
        }
        if (millis != lastEventMillis) {
            lastEventMillis = millis;
            lastEventTime = OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }
        return lastEventTime;
    }

    @Override
    public void close() {
        await(pg.close());
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from PostgreSQL within 5 minutes", e);
        }
    }
}
