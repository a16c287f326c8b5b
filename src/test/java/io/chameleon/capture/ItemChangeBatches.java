package io.chameleon.capture;

import io.chameleon.capture.values.RowImageEncoder;
import io.chameleon.capture.values.TextArrayImage;
import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.catalogue.changelog.LoggedChange;
import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.BytesCodec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The change-log rows the reader produces for the mixed-type table of the bench scripts ({@code bench_src.items}
 * plus a nullable text column: 10 columns), grouped as the reader groups them: source transactions of 100 row
 * changes (50 inserts, 30 updates, 20 deletes, one rows event each) gathered into log batches of
 * {@code batchRows}. Images have the reader's format (see {@link RowImageEncoder}): the PostgreSQL texts of the
 * columns of {@link #LAYOUT}, the json column as the document itself, the blob as bytea hex, and before images
 * holding the key only.
 */
final class ItemChangeBatches {

    static final int TRANSACTION_ROWS = 100;
    static final ImageLayout LAYOUT = new ImageLayout(1, List.of("id", "qty", "big_u", "price", "name", "status",
            "created", "attrs", "thumb", "note"), List.of("id"));
    private static final String[] STATUS = {"new", "paid", "shipped", "it's"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final LocalDateTime CREATED_BASE = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final BigInteger BIG_U_MAX = new BigInteger("18446744073709551615");
    private static final long SOURCE_EPOCH_MILLIS = 1_795_428_000_000L; // 2026-11-22 10:00 UTC

    /** One log batch: whole source transactions and the positions around them. */
    record Batch(List<LoggedChange> changes, BinlogPosition start, BinlogPosition end, int transactions,
                 long firstMillis, long lastMillis) {
    }

    /** What the images hold, to check the log against without trusting any writer. */
    record Totals(long rows, long afterIdSum, long beforeIdSum) {
    }

    private final Random random = new Random(42);
    private long nextId = 100_001;
    private long position = 4;
    private long millis = SOURCE_EPOCH_MILLIS;
    private long afterIdSum;
    private long beforeIdSum;
    private long rows;

    /** {@code totalRows} changes (a multiple of the transaction size) in batches of {@code batchRows}. */
    List<Batch> generate(int totalRows, int batchRows) {
        List<Batch> batches = new ArrayList<>();
        int transactionsPerBatch = Math.max(1, batchRows / TRANSACTION_ROWS);
        int transactions = totalRows / TRANSACTION_ROWS;
        for (int done = 0; done < transactions; ) {
            int count = Math.min(transactionsPerBatch, transactions - done);
            BinlogPosition start = new BinlogPosition("mysql-bin.000001", position);
            List<LoggedChange> changes = new ArrayList<>(count * TRANSACTION_ROWS);
            long first = millis;
            for (int t = 0; t < count; t++) {
                transaction(changes);
            }
            batches.add(new Batch(changes, start, new BinlogPosition("mysql-bin.000001", position), count, first,
                    millis));
            done += count;
        }
        return batches;
    }

    Totals totals() {
        return new Totals(rows, afterIdSum, beforeIdSum);
    }

    private void transaction(List<LoggedChange> out) {
        millis += 1 + random.nextInt(3);
        position += 120; // GTID, BEGIN, table map
        BinlogPosition inserts = next(50);
        for (int i = 0; i < 50; i++) {
            long id = nextId++;
            out.add(change(RowOperation.INSERT, inserts, null, fullImage(id), id, 0));
        }
        BinlogPosition updates = next(30);
        for (int i = 0; i < 30; i++) {
            long id = 1 + random.nextInt(100_000);
            out.add(change(RowOperation.UPDATE, updates, keyImage(id), fullImage(id), id, id));
        }
        BinlogPosition deletes = next(20);
        for (int i = 0; i < 20; i++) {
            long id = 1 + random.nextInt(100_000);
            out.add(change(RowOperation.DELETE, deletes, keyImage(id), null, 0, id));
        }
        position += 31; // XID
    }

    /** The position of a rows event holding {@code rowCount} rows, advancing past it. */
    private BinlogPosition next(int rowCount) {
        BinlogPosition at = new BinlogPosition("mysql-bin.000001", position);
        position += 40L + 400L * rowCount;
        return at;
    }

    private LoggedChange change(RowOperation operation, BinlogPosition at, byte[] before, byte[] after, long afterId,
                                long beforeId) {
        rows++;
        afterIdSum += afterId;
        beforeIdSum += beforeId;
        return LoggedChange.row(LAYOUT, operation, at, millis, before, after);
    }

    private byte[] keyImage(long id) {
        return TextArrayImage.of(Long.toString(id));
    }

    private byte[] fullImage(long id) {
        byte[] thumb = new byte[100 + random.nextInt(201)];
        random.nextBytes(thumb);
        return TextArrayImage.of(Long.toString(id), Integer.toString(random.nextInt(1000) - 500),
                BIG_U_MAX.subtract(BigInteger.valueOf(id)).toString(),
                BigDecimal.valueOf(id * 10_000 / 7, 4).toPlainString(), "item " + id + " ü😀",
                STATUS[(int) (id % STATUS.length)], CREATED_BASE.plusNanos(id * 1_234_567_000L).format(TIMESTAMP),
                "{\"n\": " + id + ", \"ok\": " + (id % 2 == 0) + ", \"tag\": \"t" + id % 10
                        + "\", \"nested\": {\"ü\": \"é😀\"}}",
                new String(BytesCodec.hexText(thumb), java.nio.charset.StandardCharsets.US_ASCII),
                id % 3 == 0 ? null : "checked by " + STATUS[(int) (id % 4)]);
    }
}
