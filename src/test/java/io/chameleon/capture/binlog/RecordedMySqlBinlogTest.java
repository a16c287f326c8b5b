package io.chameleon.capture.binlog;

import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.mysql.BinlogPosition;

import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.Event;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binlogs written by MySQL servers (src/test/resources/binlog), replayed through the reader's deserializers and
 * event translator: the MySQL-only paths that no MariaDB server produces.
 */
class RecordedMySqlBinlogTest {

    @Test
    void aCompressedTransactionOfMySql8IsDecodedWithTheReadersDeserializers() throws Exception {
        List<CapturedEvent> events = translate("/binlog/mysql-8.0.28-compressed.bin");

        // one UPDATE inside a zstd TRANSACTION_PAYLOAD event at 236, which ends at 724
        assertThat(events).hasSize(2);
        CapturedEvent.Rows rows = (CapturedEvent.Rows) events.get(0);
        assertThat(rows.operation()).isEqualTo(RowOperation.UPDATE);
        assertThat(rows.database() + "." + rows.table()).isEqualTo("demo.movies");
        assertThat(rows.position()).isEqualTo(new BinlogPosition("mysql-bin.000001", 236));
        assertThat(rows.before()).hasSize(1);
        assertThat(text(rows.after().get(0))).startsWith("1|Once Upon a Time in the West|1968|Italy|Western|Action|");
        assertThat(((CapturedEvent.Commit) events.get(1)).next()).isEqualTo(new BinlogPosition("mysql-bin.000001", 724));
    }

    @Test
    void aMySql57BinlogWithChecksumsIsDecodedCompletely() throws Exception {
        List<CapturedEvent> events = translate("/binlog/mysql-5.7.21-crc32.bin");

        // mariadb-binlog --base64-output=decode-rows -v lists 60 transactions (Xid) holding 63 row changes
        long commits = events.stream().filter(e -> e instanceof CapturedEvent.Commit).count();
        long rowChanges = events.stream().filter(e -> e instanceof CapturedEvent.Rows).map(CapturedEvent.Rows.class::cast)
                .mapToLong(r -> Math.max(r.before().size(), r.after().size())).sum();
        assertThat(commits).isEqualTo(60);
        assertThat(rowChanges).isEqualTo(63);
        CapturedEvent.Rows first = (CapturedEvent.Rows) events.get(0);
        assertThat(first.operation()).isEqualTo(RowOperation.INSERT);
        assertThat(first.position()).isEqualTo(new BinlogPosition("mysql-bin.000001", 384));
        assertThat(text(first.after().get(0)))
                .isEqualTo("12300113|test2|/|116103|2018-05-04 08:31:59|906703|0|0|0|2018-05-04 08:31:59|0|12200009");
        assertThat(((CapturedEvent.Commit) events.get(1)).next()).isEqualTo(new BinlogPosition("mysql-bin.000001", 517));
    }

    @Test
    void aMySql57BinlogWithoutChecksumsIsDecodedCompletely() throws Exception {
        List<CapturedEvent> events = translate("/binlog/mysql-5.7.20-no-checksum.bin");

        // mariadb-binlog --base64-output=decode-rows -v lists 36 transactions (Xid): 34 inserts and 2 updates
        long commits = events.stream().filter(e -> e instanceof CapturedEvent.Commit).count();
        List<CapturedEvent.Rows> rows = events.stream().filter(e -> e instanceof CapturedEvent.Rows)
                .map(CapturedEvent.Rows.class::cast).toList();
        assertThat(commits).isEqualTo(36);
        assertThat(rows.stream().mapToLong(r -> Math.max(r.before().size(), r.after().size())).sum()).isEqualTo(36);
        assertThat(rows.stream().filter(r -> r.operation() == RowOperation.UPDATE)
                .mapToLong(r -> r.after().size()).sum()).isEqualTo(2);
        CapturedEvent.Rows first = rows.get(0);
        assertThat(first.operation()).isEqualTo(RowOperation.INSERT);
        assertThat(first.database() + "." + first.table()).isEqualTo("account_db.account");
        assertThat(first.position()).isEqualTo(new BinlogPosition("mysql-bin.000001", 1350));
        assertThat(text(first.after().get(0))).isEqualTo("42b0a771-9345-4b19-b503-d51b5fff30ef|"
                + "2018-10-30 18:02:09|"
                + "2018-10-30 18:02:09|086|zh-cn|18888888888|test_nickname|14e1b600b1fd579f47433b88e8d85291|"
                + "test_user_name");
        // the CREATE DATABASE and CREATE TABLE statements come first; the first transaction ends at 1544
        assertThat(events.get(events.indexOf(first) + 1)).isInstanceOfSatisfying(CapturedEvent.Commit.class,
                commit -> assertThat(commit.next()).isEqualTo(new BinlogPosition("mysql-bin.000001", 1544)));
    }

    /** The decoded values as the reader hands them on: strings and temporal values as bytes, numbers as numbers. */
    private static String text(Serializable[] row) {
        List<String> cells = new ArrayList<>();
        for (Serializable value : row) {
            cells.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
        }
        return String.join("|", cells);
    }

    private static List<CapturedEvent> translate(String resource) throws Exception {
        BlockingQueue<CapturedEvent> queue = new ArrayBlockingQueue<>(10_000);
        List<String> failures = new ArrayList<>();
        BinlogEventTranslator translator = new BinlogEventTranslator(queue, new BinlogPosition("mysql-bin.000001", 4),
                failures::add);
        try (InputStream in = RecordedMySqlBinlogTest.class.getResourceAsStream(resource);
             BinaryLogFileReader reader = new BinaryLogFileReader(in, BinlogEventDeserializers.create())) {
            for (Event event = reader.readEvent(); event != null; event = reader.readEvent()) {
                translator.onEvent(event);
            }
        }
        assertThat(failures).isEmpty();
        List<CapturedEvent> events = new ArrayList<>(); // in stream order, whether handed on alone or together
        for (CapturedEvent event : queue) {
            if (event instanceof CapturedEvent.Events group) {
                events.addAll(group.events());
            } else {
                events.add(event);
            }
        }
        return events;
    }
}
