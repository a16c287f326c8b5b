package io.chameleon.capture.binlog;


import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes WRITE/UPDATE/DELETE rows events like the library does, except for the values whose library form loses
 * information or costs more than needed: temporal types come out as MySQL's text (zero dates and TIME beyond 24 h
 * intact), DECIMAL as its text without a BigDecimal, YEAR 0000 stays zero, and MySQL's binary JSON comes out as
 * JSON text. Strings and blobs stay raw bytes (charset decoding is the
 * column codec's job), so every value reaches the codecs in the same form the copy reads.
 */
public final class TextualRowsDeserializer extends AbstractRowsEventDataDeserializer<EventData> {

    enum Kind { WRITE, UPDATE, DELETE }

    /**
     * What decoding a row of one TABLE_MAP needs per column, worked out once per map rather than per value as the
     * library does (its type lookup boxes the type code into a hash map for every cell, and it allocates a BitSet
     * per row for the null bitmap): the type with STRING's real type resolved, the metadata and the length.
     */
    private record ColumnPlan(ColumnType[] types, int[] metadata, int[] lengths, boolean[] compressed) {

        static ColumnPlan of(TableMapEventData map) {
            byte[] codes = map.getColumnTypes();
            int[] metadata = map.getColumnMetadata();
            ColumnType[] types = new ColumnType[codes.length];
            int[] lengths = new int[codes.length];
            boolean[] compressed = new boolean[codes.length];
            for (int i = 0; i < codes.length; i++) {
                // as AbstractRowsEventDataDeserializer.deserializeRow: STRING's metadata may name ENUM, SET or a
                // longer CHAR
                int typeCode = codes[i] & 0xFF;
                compressed[i] = CompressedColumns.isCompressed(typeCode);
                typeCode = CompressedColumns.plainType(typeCode);
                int meta = metadata[i];
                int length = 0;
                if (typeCode == ColumnType.STRING.getCode()) {
                    if (meta >= 256) {
                        int meta0 = meta >> 8;
                        int meta1 = meta & 0xFF;
                        if ((meta0 & 0x30) != 0x30) {
                            typeCode = meta0 | 0x30;
                            length = meta1 | (((meta0 & 0x30) ^ 0x30) << 4);
                        } else {
                            if (meta0 == ColumnType.ENUM.getCode() || meta0 == ColumnType.SET.getCode()) {
                                typeCode = meta0;
                            }
                            length = meta1;
                        }
                    } else {
                        length = meta;
                    }
                }
                types[i] = ColumnType.byCode(typeCode);
                lengths[i] = length;
            }
            return new ColumnPlan(types, metadata, lengths, compressed);
        }
    }

    /** Maps seen lately: the reader hands on the same object while a table's map is unchanged. */
    private static final int MAX_PLANS = 1024;

    private final Map<Long, TableMapEventData> tableMaps;
    private final Map<TableMapEventData, ColumnPlan> plans = new IdentityHashMap<>();
    private final Kind kind;
    private final boolean extraInformation;

    TextualRowsDeserializer(Map<Long, TableMapEventData> tableMaps, Kind kind, boolean extraInformation) {
        super(tableMaps);
        this.tableMaps = tableMaps;
        this.kind = kind;
        this.extraInformation = extraInformation;
    }

    /** The plan of the table's current map; null when there is none (the library's row decoding then reports it). */
    private ColumnPlan plan(long tableId) {
        TableMapEventData map = tableMaps.get(tableId);
        if (map == null) {
            return null;
        }
        ColumnPlan plan = plans.get(map);
        if (plan == null) {
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
            }
            plan = ColumnPlan.of(map);
            plans.put(map, plan);
        }
        return plan;
    }

    /** One row image as the library's deserializeRow decodes it, with the plan's per-column work done already. */
    private Serializable[] row(ColumnPlan plan, long tableId, BitSet present, int presentCount,
                               ByteArrayInputStream in) throws IOException {
        if (plan == null) {
            return deserializeRow(tableId, present, in);
        }
        Serializable[] row = new Serializable[presentCount];
        byte[] nulls = in.read((presentCount + 7) >> 3);
        ColumnType[] types = plan.types();
        int skipped = 0;
        for (int i = 0; i < types.length; i++) {
            if (!present.get(i)) {
                skipped++;
                continue;
            }
            int index = i - skipped;
            if ((nulls[index >> 3] & (1 << (index & 7))) == 0) {
                row[index] = deserializeCell(types[i], plan.metadata()[i], plan.lengths()[i], in);
                if (plan.compressed()[i]) {
                    row[index] = CompressedColumns.inflate((byte[]) row[index]);
                }
            }
        }
        return row;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream in) throws IOException {
        long tableId = in.readLong(6);
        in.skip(2); // flags
        if (extraInformation) {
            int extraLength = in.readInteger(2);
            in.skip(extraLength - 2);
        }
        int columnCount = in.readPackedInteger();
        BitSet present = in.readBitSet(columnCount, true);
        return switch (kind) {
            case WRITE -> {
                WriteRowsEventData data = new WriteRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumns(present);
                data.setRows(rows(tableId, present, in));
                yield data;
            }
            case DELETE -> {
                DeleteRowsEventData data = new DeleteRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumns(present);
                data.setRows(rows(tableId, present, in));
                yield data;
            }
            case UPDATE -> {
                BitSet presentAfter = in.readBitSet(columnCount, true);
                UpdateRowsEventData data = new UpdateRowsEventData();
                data.setTableId(tableId);
                data.setIncludedColumnsBeforeUpdate(present);
                data.setIncludedColumns(presentAfter);
                List<Map.Entry<Serializable[], Serializable[]>> rows = new ArrayList<>();
                ColumnPlan plan = plan(tableId);
                int beforeCount = present.cardinality();
                int afterCount = presentAfter.cardinality();
                while (in.available() > 0) {
                    Serializable[] before = row(plan, tableId, present, beforeCount, in);
                    rows.add(new AbstractMap.SimpleEntry<>(before, row(plan, tableId, presentAfter, afterCount, in)));
                }
                data.setRows(rows);
                yield data;
            }
        };
    }

    private List<Serializable[]> rows(long tableId, BitSet present, ByteArrayInputStream in) throws IOException {
        List<Serializable[]> rows = new ArrayList<>();
        ColumnPlan plan = plan(tableId);
        int presentCount = present.cardinality();
        while (in.available() > 0) {
            rows.add(row(plan, tableId, present, presentCount, in));
        }
        return rows;
    }

    /** DECIMAL as its text, without the library's BigDecimal (DecimalText renders the same digits). */
    @Override
    protected Serializable deserializeNewDecimal(int meta, ByteArrayInputStream in) throws IOException {
        int precision = meta & 0xFF;
        int scale = meta >> 8;
        return DecimalText.text(precision, scale, in.read(DecimalText.length(precision, scale)));
    }

    @Override
    protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
        return TemporalText.date(in.readInteger(3));
    }

    @Override
    protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
        return TemporalText.datetime(in.readLong(8));
    }

    @Override
    protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
        long packed = bigEndian(in.read(5));
        return TemporalText.datetime2(packed, deserializeFractionalSeconds(meta, in), meta);
    }

    @Override
    protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(3);
        return TemporalText.time((value << 8) >> 8);
    }

    @Override
    protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
        long packed = bigEndian(in.read(3));
        int fractionBytes = (meta + 1) / 2;
        long fraction = fractionBytes == 0 ? 0 : bigEndian(in.read(fractionBytes));
        return TemporalText.time2(packed, fractionBytes, fraction, meta);
    }

    @Override
    protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
        return TemporalText.timestamp(in.readLong(4), 0, 0);
    }

    @Override
    protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
        long seconds = bigEndian(in.read(4));
        return TemporalText.timestamp(seconds, deserializeFractionalSeconds(meta, in), meta);
    }

    @Override
    protected Serializable deserializeYear(ByteArrayInputStream in) throws IOException {
        return TemporalText.year(in.readInteger(1));
    }

    @Override
    protected byte[] deserializeJson(int meta, ByteArrayInputStream in) throws IOException {
        byte[] binary = super.deserializeJson(meta, in);
        return JsonBinary.parseAsString(binary).getBytes(StandardCharsets.UTF_8);
    }

    private static long bigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
