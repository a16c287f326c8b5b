package io.chameleon.schema;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Spatial types. MySQL's internal value is a 4-byte little-endian SRID followed by standard WKB.
 * With PostGIS the result is hex EWKB (the SRID folded into the WKB header), which geometry input accepts in
 * COPY text; without PostGIS it is bytea holding the plain WKB, SRID dropped.
 *
 * @param postgis the target has the PostGIS extension (the column is {@code geometry})
 */
public record GeometryCodec(String column, boolean postgis) implements ValueCodec {

    private static final int EWKB_SRID_FLAG = 0x20000000;

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        if (raw.length < 4 + 5 || (raw[4] != 0 && raw[4] != 1)) {
            throw new BadValueException(BadValueReason.INVALID_BYTES, column, raw, "not MySQL spatial data");
        }
        int srid = ByteBuffer.wrap(raw, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] wkb = java.util.Arrays.copyOfRange(raw, 4, raw.length);
        if (!postgis) {
            return "\\x" + HexFormat.of().formatHex(wkb);
        }
        return HexFormat.of().withUpperCase().formatHex(srid == 0 ? wkb : ewkb(wkb, srid));
    }

    /** WKB with the SRID flag in the type word and the SRID after it, both in the WKB's own byte order. */
    static byte[] ewkb(byte[] wkb, int srid) {
        ByteOrder order = wkb[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer in = ByteBuffer.wrap(wkb).order(order);
        int type = in.getInt(1);
        ByteBuffer out = ByteBuffer.allocate(wkb.length + 4).order(order);
        out.put(wkb[0]).putInt(type | EWKB_SRID_FLAG).putInt(srid).put(wkb, 5, wkb.length - 5);
        return out.array();
    }
}
