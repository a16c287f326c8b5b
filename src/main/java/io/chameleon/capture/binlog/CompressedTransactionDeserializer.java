package io.chameleon.capture.binlog;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * Decodes MySQL 8's TRANSACTION_PAYLOAD events: a few header fields (type, length, value, as packed integers),
 * then the transaction's events, zstd-compressed or not. The library's own decoder reads the inner events with a
 * default deserializer, which decodes values unlike {@link TextualRowsDeserializer}; this one uses the reader's.
 * The inner events carry no binlog position of their own: the translator gives them the payload event's.
 */
public final class CompressedTransactionDeserializer implements EventDataDeserializer<TransactionPayloadEventData> {

    private static final int HEADER_END = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    private static final int ZSTD = 0;
    private static final int NONE = 255;

    private final Supplier<EventDeserializer> innerDeserializers;
    private EventDeserializer inner;

    /** @param innerDeserializers makes the deserializer of the inner events (created once, on first use) */
    CompressedTransactionDeserializer(Supplier<EventDeserializer> innerDeserializers) {
        this.innerDeserializers = innerDeserializers;
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream input) throws IOException {
        int payloadSize = 0;
        int compression = NONE;
        int uncompressedSize = 0;
        while (input.available() > 0) {
            int field = input.readPackedInteger();
            if (field == HEADER_END) {
                break;
            }
            input.readPackedInteger(); // the value's length: every field of this version is one packed integer
            int value = input.readPackedInteger();
            switch (field) {
                case PAYLOAD_SIZE -> payloadSize = value;
                case COMPRESSION_TYPE -> compression = value;
                case UNCOMPRESSED_SIZE -> uncompressedSize = value;
                default -> throw new IOException("unknown field " + field + " in a TRANSACTION_PAYLOAD event");
            }
        }
        byte[] payload = input.read(payloadSize);
        byte[] events = switch (compression) {
            case NONE -> payload;
            case ZSTD -> decompress(payload, uncompressedSize == 0 ? payloadSize : uncompressedSize);
            default -> throw new IOException("TRANSACTION_PAYLOAD compressed with unknown type " + compression);
        };
        if (inner == null) {
            inner = innerDeserializers.get();
        }
        ArrayList<Event> decoded = new ArrayList<>();
        ByteArrayInputStream stream = new ByteArrayInputStream(events);
        for (Event event = inner.nextEvent(stream); event != null; event = inner.nextEvent(stream)) {
            decoded.add(event);
        }
        // the library's own type: its event deserializer expects it (and registers the inner table maps)
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        data.setPayloadSize(payloadSize);
        data.setCompressionType(compression);
        data.setUncompressedSize(events.length);
        data.setUncompressedEvents(decoded);
        return data;
    }

    private static byte[] decompress(byte[] payload, int size) throws IOException {
        byte[] out = new byte[size];
        long written = Zstd.decompressByteArray(out, 0, size, payload, 0, payload.length);
        if (Zstd.isError(written) || written != size) {
            throw new IOException("TRANSACTION_PAYLOAD does not decompress to its declared " + size + " bytes: "
                    + (Zstd.isError(written) ? Zstd.getErrorName(written) : written + " bytes"));
        }
        return out;
    }
}
