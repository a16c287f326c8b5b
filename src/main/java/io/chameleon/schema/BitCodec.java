package io.chameleon.schema;

/**
 * BIT(n): MySQL sends the value as ceil(n/8) big-endian bytes; PostgreSQL bit(n) input is n binary digits.
 *
 * @param width n
 */
public record BitCodec(String column, int width) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        StringBuilder bits = new StringBuilder(raw.length * 8);
        for (byte b : raw) {
            for (int bit = 7; bit >= 0; bit--) {
                bits.append((b >> bit & 1) == 1 ? '1' : '0');
            }
        }
        while (bits.length() < width) {
            bits.insert(0, '0');
        }
        int excess = bits.length() - width;
        if (bits.substring(0, excess).contains("1")) {
            throw new BadValueException(BadValueReason.OUT_OF_RANGE, column, raw, "more than " + width + " bits");
        }
        return bits.substring(excess);
    }

    /** The bits of a number, as MySQL's bit literals ({@code b'101'}) and the binlog give them. */
    public String fromUnsigned(java.math.BigInteger value) {
        String digits = value.toString(2);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
