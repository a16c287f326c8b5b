package io.chameleon.capture.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AnnotateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidListEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event deserializer of the reader: the library's for control events, {@link TextualRowsDeserializer} for
 * rows events, TABLE_MAP events decoded once per change ({@link ReaderEventDeserializer}); events the reader does
 * not use are skipped undecoded.
 */
public final class BinlogEventDeserializers {

    /** Table ids seen in TABLE_MAP events; a server reuses few ids, but bound the map all the same. */
    private static final int MAX_TABLE_MAPS = 10_000;

    private BinlogEventDeserializers() {
    }

    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tableMaps = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, TableMapEventData> eldest) {
                return size() > MAX_TABLE_MAPS;
            }
        };
        Map<EventType, EventDataDeserializer> byType = new IdentityHashMap<>();
        byType.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        byType.put(EventType.ROTATE, new RotateEventDataDeserializer());
        byType.put(EventType.QUERY, new QueryEventDataDeserializer());
        byType.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer()); // decoded by ReaderEventDeserializer
        byType.put(EventType.XID, new XidEventDataDeserializer());
        byType.put(EventType.GTID, new GtidEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        byType.put(EventType.ANNOTATE_ROWS, new AnnotateRowsEventDataDeserializer());
        rows(byType, tableMaps, EventType.WRITE_ROWS, TextualRowsDeserializer.Kind.WRITE, false);
        rows(byType, tableMaps, EventType.UPDATE_ROWS, TextualRowsDeserializer.Kind.UPDATE, false);
        rows(byType, tableMaps, EventType.DELETE_ROWS, TextualRowsDeserializer.Kind.DELETE, false);
        rows(byType, tableMaps, EventType.EXT_WRITE_ROWS, TextualRowsDeserializer.Kind.WRITE, true);
        rows(byType, tableMaps, EventType.EXT_UPDATE_ROWS, TextualRowsDeserializer.Kind.UPDATE, true);
        rows(byType, tableMaps, EventType.EXT_DELETE_ROWS, TextualRowsDeserializer.Kind.DELETE, true);
        // MySQL 8 with binlog_transaction_compression: the transaction's events, decoded like the others
        byType.put(EventType.TRANSACTION_PAYLOAD, new CompressedTransactionDeserializer(BinlogEventDeserializers::create));
        EventDeserializer deserializer = new ReaderEventDeserializer(byType, tableMaps);
        // strings and blobs as raw bytes: the column codecs decode them with the column's charset
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return deserializer;
    }

    private static void rows(Map<EventType, EventDataDeserializer> byType, Map<Long, TableMapEventData> tableMaps,
                             EventType type, TextualRowsDeserializer.Kind kind, boolean extraInformation) {
        byType.put(type, new TextualRowsDeserializer(tableMaps, kind, extraInformation));
    }
}
