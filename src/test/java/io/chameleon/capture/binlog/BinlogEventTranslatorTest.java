package io.chameleon.capture.binlog;

import io.chameleon.mysql.BinlogPosition;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The binlog thread hands events on per transaction, in order, and per HAND_OFF_EVENTS of a long one. */
class BinlogEventTranslatorTest {

    private final BlockingQueue<CapturedEvent> queue = new ArrayBlockingQueue<>(100);
    private final List<String> failures = new ArrayList<>();
    private final BinlogEventTranslator translator = new BinlogEventTranslator(queue,
            new BinlogPosition("mysql-bin.000001", 4), failures::add);

    @Test
    void aTransactionsRowsGoWithItsCommitInOneHandOff() {
        translator.onEvent(tableMap(100));
        translator.onEvent(write(200));
        translator.onEvent(write(300));
        assertThat(queue).isEmpty(); // held until the transaction ends

        translator.onEvent(xid(400));

        assertThat(queue).singleElement().isInstanceOfSatisfying(CapturedEvent.Events.class, group -> {
            assertThat(group.events()).hasSize(3);
            assertThat(group.events().get(0)).isInstanceOfSatisfying(CapturedEvent.Rows.class,
                    rows -> assertThat(rows.position().position()).isEqualTo(190));
            assertThat(group.events().get(1)).isInstanceOfSatisfying(CapturedEvent.Rows.class,
                    rows -> assertThat(rows.position().position()).isEqualTo(290));
            assertThat(group.events().get(2)).isInstanceOfSatisfying(CapturedEvent.Commit.class,
                    commit -> assertThat(commit.next().position()).isEqualTo(400));
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void aLongTransactionIsHandedOnInPartsAndABreakDropsWhatIsHeld() {
        translator.onEvent(tableMap(100));
        for (int i = 0; i < BinlogEventTranslator.HAND_OFF_EVENTS + 3; i++) {
            translator.onEvent(write(200 + 10L * i));
        }
        assertThat(queue).singleElement().isInstanceOfSatisfying(CapturedEvent.Events.class,
                group -> assertThat(group.events()).hasSize(BinlogEventTranslator.HAND_OFF_EVENTS)
                        .allMatch(CapturedEvent.Rows.class::isInstance));
        queue.clear();

        translator.interrupted("connection reset");

        // the three rows held have no commit: the consumer drops the open transaction on the interruption anyway
        assertThat(queue).singleElement().isInstanceOf(CapturedEvent.Interrupted.class);
        assertThat(failures).isEmpty();
    }

    private static Event tableMap(long next) {
        TableMapEventData data = new TableMapEventData();
        data.setTableId(7);
        data.setDatabase("shop");
        data.setTable("items");
        data.setColumnTypes(new byte[] {3});
        data.setColumnMetadata(new int[] {0});
        data.setColumnNullability(new BitSet());
        return event(EventType.TABLE_MAP, next, data);
    }

    private static Event write(long next) {
        WriteRowsEventData data = new WriteRowsEventData();
        data.setTableId(7);
        BitSet columns = new BitSet();
        columns.set(0);
        data.setIncludedColumns(columns);
        List<Serializable[]> rows = new ArrayList<>();
        rows.add(new Serializable[] {(int) next});
        data.setRows(rows);
        return event(EventType.EXT_WRITE_ROWS, next, data);
    }

    private static Event xid(long next) {
        XidEventData data = new XidEventData();
        data.setXid(1);
        return event(EventType.XID, next, data);
    }

    private static Event event(EventType type, long next, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setNextPosition(next);
        header.setEventLength(10);
        header.setTimestamp(1_700_000_000_000L);
        return new Event(header, data);
    }
}
