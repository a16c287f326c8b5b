package io.chameleon.schema;

import java.nio.charset.StandardCharsets;

/**
 * FLOAT (real) and DOUBLE (double precision). The text is parsed and re-printed as the shortest decimal that
 * reads back to the same binary value, so the copy (text, possibly with extra digits) and the stream (a Java
 * float/double) produce the same PostgreSQL text.
 *
 * @param singlePrecision FLOAT (4 bytes) rather than DOUBLE
 */
public record FloatCodec(String column, boolean singlePrecision) implements ValueCodec {

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        try {
            return singlePrecision ? fromFloat(Float.parseFloat(text)) : fromDouble(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new BadValueException(BadValueReason.INVALID_BYTES, column, raw, "not a number");
        } catch (ArithmeticException e) {
            throw new BadValueException(BadValueReason.OUT_OF_RANGE, column, raw, e.getMessage());
        }
    }

    public String fromFloat(float value) {
        if (Float.isInfinite(value) || Float.isNaN(value)) {
            throw new ArithmeticException("outside the range of real");
        }
        return Float.toString(value);
    }

    public String fromDouble(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw new ArithmeticException("outside the range of double precision");
        }
        return Double.toString(value);
    }
}
