package io.chameleon.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.BytesCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@code batchRows}. Images have the reader's format (see {@link RowImageEncoder}): column name to PostgreSQL text,
 * the json column as the document itself, the blob as bytea hex, and before images holding the key only.
 */
final class ItemChangeBatches {

    static final int TRANSACTION_ROWS = 100;
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

    private final JsonFactory json = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(1024);
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
        return new LoggedChange(1, operation, at, millis, before, after);
    }

    private byte[] keyImage(long id) {
        return image(out -> out.writeStringField("id", Long.toString(id)));
    }

    private byte[] fullImage(long id) {
        byte[] thumb = new byte[100 + random.nextInt(201)];
        random.nextBytes(thumb);
        byte[] thumbHex = BytesCodec.hexText(thumb);
        return image(out -> {
            out.writeStringField("id", Long.toString(id));
            out.writeStringField("qty", Integer.toString(random.nextInt(1000) - 500));
            out.writeStringField("big_u", BIG_U_MAX.subtract(BigInteger.valueOf(id)).toString());
            out.writeStringField("price", BigDecimal.valueOf(id * 10_000 / 7, 4).toPlainString());
            out.writeStringField("name", "item " + id + " ü😀");
            out.writeStringField("status", STATUS[(int) (id % STATUS.length)]);
            out.writeStringField("created", CREATED_BASE.plusNanos(id * 1_234_567_000L).format(TIMESTAMP));
            out.writeFieldName("attrs");
            out.writeRawValue("{\"n\": " + id + ", \"ok\": " + (id % 2 == 0) + ", \"tag\": \"t" + id % 10
                    + "\", \"nested\": {\"ü\": \"é😀\"}}");
            out.writeFieldName("thumb");
            out.writeUTF8String(thumbHex, 0, thumbHex.length);
            if (id % 3 == 0) {
                out.writeNullField("note");
            } else {
                out.writeStringField("note", "checked by " + STATUS[(int) (id % 4)]);
            }
        });
    }

    private interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    private byte[] image(Fields fields) {
        buffer.reset();
        try (JsonGenerator out = json.createGenerator(buffer, JsonEncoding.UTF8)) {
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
