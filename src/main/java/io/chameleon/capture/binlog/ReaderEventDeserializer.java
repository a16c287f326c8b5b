package io.chameleon.capture.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeader;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.FormatDescriptionEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializationException;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The library's event deserializer, except that a TABLE_MAP event is decoded only when its bytes differ from the
 * last one of the same table id. The server writes the map again in every transaction, normally unchanged, and
 * with {@code binlog_row_metadata=FULL} it carries every column name: decoding it each time was a visible share of
 * the reader's work (and of the JIT's) on small transactions. A repeated map yields the same, never modified,
 * object. (A TABLE_MAP deserializer of our own cannot do this: the library would still decode every map with
 * its own deserializer beside it.)
 */
public final class ReaderEventDeserializer extends EventDeserializer {

    /** Table ids remembered at most; a server reuses few ids, the bound only stops a leak. */
    private static final int MAX_TABLES = 4096;

    private record DecodedMap(byte[] body, TableMapEventData data) {
    }

    private final Map<Long, TableMapEventData> tableMaps;
    private final TableMapEventDataDeserializer tableMapDecoder = new TableMapEventDataDeserializer();
    private final Map<Long, DecodedMap> lastMaps = new HashMap<>();
    /** As the library's own (private) field: set by the client from the server, then by FORMAT_DESCRIPTION events. */
    private int checksumLength;

    ReaderEventDeserializer(Map<EventType, EventDataDeserializer> byType, Map<Long, TableMapEventData> tableMaps) {
        super(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(), byType, tableMaps);
        this.tableMaps = tableMaps;
    }

    @Override
    public void setChecksumType(ChecksumType checksumType) {
        super.setChecksumType(checksumType);
        checksumLength = checksumType.getLength();
    }

    @Override
    public Event nextEvent(ByteArrayInputStream in) throws IOException {
        Event event = super.nextEvent(in);
        if (event != null && event.getData() instanceof FormatDescriptionEventData format) {
            checksumLength = format.getChecksumType().getLength();
        }
        return event;
    }

    @Override
    public EventData deserializeTableMapEventData(ByteArrayInputStream in, EventHeader header) throws IOException {
        int bodyLength = (int) header.getDataLength() - checksumLength;
        TableMapEventData data;
        try {
            in.enterBlock(bodyLength);
            try {
                data = tableMap(in.read(bodyLength));
            } finally {
                in.skipToTheEndOfTheBlock();
                in.skip(checksumLength);
            }
        } catch (IOException e) {
            throw new EventDataDeserializationException(header, e);
        }
        tableMaps.put(data.getTableId(), data);
        return data;
    }

    private TableMapEventData tableMap(byte[] body) throws IOException {
        long tableId = tableId(body);
        DecodedMap last = lastMaps.get(tableId);
        if (last != null && Arrays.equals(last.body(), body)) {
            return last.data();
        }
        CompressedColumns.Types types = CompressedColumns.Types.of(body);
        byte[] decodable = CompressedColumns.withPlainTypes(body, types);
        refuseUnknownTypes(decodable, types);
        TableMapEventData data = tableMapDecoder.deserialize(new ByteArrayInputStream(decodable));
        if (decodable != body) {
            // the map keeps the compressed types, by which the rows' decoding knows to inflate those values
            data.setColumnTypes(Arrays.copyOfRange(body, types.offset(), types.offset() + types.count()));
        }
        if (last == null && lastMaps.size() >= MAX_TABLES) {
            lastMaps.clear();
        }
        lastMaps.put(tableId, new DecodedMap(body, data));
        return data;
    }

    /**
     * A column type the library does not know has metadata of a length nothing says, so the map cannot be read, nor
     * the stream past it (the server maps every table it writes rows of, replicated or not): the reason names the
     * table and the type instead of the library's failure inside it.
     */
    private static void refuseUnknownTypes(byte[] body, CompressedColumns.Types types) throws IOException {
        for (int i = 0; i < types.count(); i++) {
            int code = body[types.offset() + i] & 0xFF;
            if (ColumnType.byCode(code) == null) {
                throw new IOException("the TABLE_MAP of " + names(body) + " gives column " + (i + 1) + " of "
                        + types.count() + " the binlog type " + code + ", which this reader cannot decode (a type newer"
                        + " than it, such as MySQL 9's VECTOR, 242); no event after it can be read: change that"
                        + " column's type on the source, or use a chameleon that knows the type");
            }
        }
    }

    /** {@code `database`.`table`} of a TABLE_MAP body. */
    private static String names(byte[] body) {
        int database = 8;
        int table = database + 1 + (body[database] & 0xFF) + 1;
        return "`" + new String(body, database + 1, body[database] & 0xFF, StandardCharsets.UTF_8) + "`.`"
                + new String(body, table + 1, body[table] & 0xFF, StandardCharsets.UTF_8) + "`";
    }

    /** The 6-byte little-endian table id that opens the event body. */
    private static long tableId(byte[] body) {
        long id = 0;
        for (int i = Math.min(6, body.length) - 1; i >= 0; i--) {
            id = (id << 8) | (body[i] & 0xFF);
        }
        return id;
    }
}
