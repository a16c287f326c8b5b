package io.chameleon.capture.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TABLE_MAP events are decoded once per change of their bytes, and the stream stays aligned around them. */
class ReaderEventDeserializerTest {

    private static final int TABLE_MAP = 19;
    private static final int XID = 16;
    private static final int WRITE_ROWS_V1 = 23;

    @ParameterizedTest
    @EnumSource(value = ChecksumType.class, names = {"NONE", "CRC32"})
    void decodesARepeatedMapOnceAndTheEventsAroundItAsUsual(ChecksumType checksum) throws IOException {
        List<Event> events = decode(checksum,
                event(TABLE_MAP, tableMap(42, "shop", "orders", 3), checksum),
                event(XID, xid(1001), checksum),
                event(TABLE_MAP, tableMap(42, "shop", "orders", 3), checksum),
                event(XID, xid(1002), checksum));

        TableMapEventData first = events.get(0).getData();
        assertThat(first.getTableId()).isEqualTo(42);
        assertThat(first.getDatabase()).isEqualTo("shop");
        assertThat(first.getTable()).isEqualTo("orders");
        assertThat(first.getColumnTypes()).containsExactly(3);
        assertThat((Object) events.get(2).getData()).isSameAs(first);
        assertThat(((XidEventData) events.get(1).getData()).getXid()).isEqualTo(1001);
        assertThat(((XidEventData) events.get(3).getData()).getXid()).isEqualTo(1002);
    }

    @Test
    void decodesAgainWhenTheMapOfATableIdChanges() throws IOException {
        List<Event> events = decode(ChecksumType.CRC32,
                event(TABLE_MAP, tableMap(7, "shop", "orders", 3), ChecksumType.CRC32),
                event(TABLE_MAP, tableMap(7, "shop", "invoices", 3), ChecksumType.CRC32),
                event(TABLE_MAP, tableMap(7, "shop", "invoices", 8), ChecksumType.CRC32),
                event(TABLE_MAP, tableMap(0x0102030405L, "shop", "items", 3), ChecksumType.CRC32));

        TableMapEventData renamed = events.get(1).getData();
        TableMapEventData retyped = events.get(2).getData();
        TableMapEventData other = events.get(3).getData();
        assertThat(((TableMapEventData) events.get(0).getData()).getTable()).isEqualTo("orders");
        assertThat(renamed.getTable()).isEqualTo("invoices");
        assertThat(retyped).isNotSameAs(renamed);
        assertThat(retyped.getColumnTypes()).containsExactly(8);
        assertThat(other.getTableId()).isEqualTo(0x0102030405L);
        assertThat(other.getTable()).isEqualTo("items");
    }

    /** A type the library does not know: the reason names the table and the type, not the library's own failure. */
    @Test
    void aMapWithAColumnTypeNobodyKnowsIsRefusedByNameAndType() {
        assertThatThrownBy(() -> decode(ChecksumType.NONE,
                event(TABLE_MAP, tableMap(5, "shop", "embeddings", 242), ChecksumType.NONE)))
                .rootCause().hasMessageContaining("TABLE_MAP of `shop`.`embeddings` gives column 1 of 1 the binlog"
                        + " type 242, which this reader cannot decode");
    }

    @Test
    void rowsEventsFindTheMapOfTheirTable() throws IOException {
        EventDeserializer deserializer = BinlogEventDeserializers.create();
        ByteArrayInputStream in = new ByteArrayInputStream(concat(
                event(TABLE_MAP, tableMap(9, "shop", "orders", 3), ChecksumType.NONE),
                event(WRITE_ROWS_V1, writeOneInt(9, 77), ChecksumType.NONE)));

        deserializer.nextEvent(in);
        Event rows = deserializer.nextEvent(in);

        com.github.shyiko.mysql.binlog.event.WriteRowsEventData data = rows.getData();
        assertThat(data.getTableId()).isEqualTo(9);
        assertThat(data.getRows()).hasSize(1);
        assertThat(data.getRows().get(0)).containsExactly(77);
    }

    private static List<Event> decode(ChecksumType checksum, byte[]... events) throws IOException {
        EventDeserializer deserializer = BinlogEventDeserializers.create();
        deserializer.setChecksumType(checksum);
        ByteArrayInputStream in = new ByteArrayInputStream(concat(events));
        List<Event> decoded = new ArrayList<>();
        for (Event event = deserializer.nextEvent(in); event != null; event = deserializer.nextEvent(in)) {
            decoded.add(event);
        }
        assertThat(decoded).hasSize(events.length);
        return decoded;
    }

    /** A v4 event: 19-byte header, body, and a checksum of the given length (its value is not checked). */
    private static byte[] event(int type, byte[] body, ChecksumType checksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 19 + body.length + checksum.getLength();
        littleEndian(out, 1_700_000_000L, 4); // timestamp
        out.write(type);
        littleEndian(out, 1, 4); // server id
        littleEndian(out, length, 4);
        littleEndian(out, 0, 4); // next position
        littleEndian(out, 0, 2); // flags
        out.writeBytes(body);
        for (int i = 0; i < checksum.getLength(); i++) {
            out.write(0xA5);
        }
        return out.toByteArray();
    }

    /** A TABLE_MAP body of one nullable column of the given type code without type metadata (3 INT, 8 BIGINT). */
    private static byte[] tableMap(long tableId, String database, String table, int columnType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        littleEndian(out, tableId, 6);
        littleEndian(out, 0, 2); // flags
        name(out, database);
        name(out, table);
        out.write(1); // column count
        out.write(columnType);
        out.write(0); // type metadata length
        out.write(1); // null bitmap: nullable
        return out.toByteArray();
    }

    /** A WRITE_ROWS (v1) body: one row of the one INT column. */
    private static byte[] writeOneInt(long tableId, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        littleEndian(out, tableId, 6);
        littleEndian(out, 0, 2); // flags
        out.write(1); // column count
        out.write(1); // columns present
        out.write(0); // null bitmap of the row
        littleEndian(out, value, 4);
        return out.toByteArray();
    }

    private static byte[] xid(long xid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        littleEndian(out, xid, 8);
        return out.toByteArray();
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
        out.write(0);
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
