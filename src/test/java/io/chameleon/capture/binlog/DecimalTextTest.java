package io.chameleon.capture.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DecimalText gives the text the previous path gave (the library's BigDecimal, then toPlainString) for values of
 * every precision and scale MySQL allows: packed here as MySQL packs them, decoded both ways.
 */
class DecimalTextTest {

    private static final int[] GROUP_BYTES = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};

    @Test
    void matchesTheLibrarysBigDecimalOverManyValues() {
        SplittableRandom random = new SplittableRandom(18);
        int compared = 0;
        for (int precision = 1; precision <= 65; precision++) {
            for (int scale = 0; scale <= Math.min(precision, 30); scale++) {
                for (String edge : new String[] {"0", "1", "-1", "0.5", "-0.5"}) {
                    BigDecimal value = new BigDecimal(edge).setScale(scale, java.math.RoundingMode.DOWN);
                    if (value.precision() - value.scale() <= precision - scale) {
                        compare(precision, scale, value);
                        compared++;
                    }
                }
                compare(precision, scale, largest(precision, scale));
                compare(precision, scale, largest(precision, scale).negate());
                for (int i = 0; i < 200; i++) {
                    int digits = 1 + random.nextInt(precision);
                    StringBuilder unscaled = new StringBuilder(random.nextBoolean() ? "-" : "");
                    for (int d = 0; d < digits; d++) {
                        unscaled.append((char) ('0' + random.nextInt(10)));
                    }
                    compare(precision, scale, new BigDecimal(new BigInteger(unscaled.toString()), scale));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(300_000);
    }

    @Test
    void examples() {
        assertThat(text(14, 4, new BigDecimal("-123.4500"))).isEqualTo("-123.4500");
        assertThat(text(5, 5, new BigDecimal("0.00001"))).isEqualTo("0.00001");
        assertThat(text(10, 0, new BigDecimal("-0"))).isEqualTo("0");
        assertThat(text(30, 10, new BigDecimal("12345678901234567890.0123456789")))
                .isEqualTo("12345678901234567890.0123456789");
    }

    private static BigDecimal largest(int precision, int scale) {
        return new BigDecimal(new BigInteger("9".repeat(precision)), scale);
    }

    private static void compare(int precision, int scale, BigDecimal value) {
        byte[] packed = pack(precision, scale, value);
        String expected = AbstractRowsEventDataDeserializer.asBigDecimal(precision, scale, packed.clone())
                .toPlainString();
        assertThat(new String(DecimalText.text(precision, scale, packed), StandardCharsets.US_ASCII))
                .as("DECIMAL(%d,%d) %s", precision, scale, value)
                .isEqualTo(expected);
    }

    private static String text(int precision, int scale, BigDecimal value) {
        byte[] packed = pack(precision, scale, value);
        return new String(DecimalText.text(precision, scale, packed), StandardCharsets.US_ASCII);
    }

    /** MySQL's decimal2bin: digit groups big-endian, the sign bit set for positive values, negatives inverted. */
    static byte[] pack(int precision, int scale, BigDecimal value) {
        boolean negative = value.signum() < 0;
        String plain = value.abs().setScale(scale).toPlainString();
        String integer = scale > 0 ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = scale > 0 ? plain.substring(plain.indexOf('.') + 1) : "";
        int integerDigits = precision - scale;
        integer = "0".repeat(Math.max(0, integerDigits - integer.length())) + integer;
        integer = integer.substring(integer.length() - integerDigits);
        byte[] packed = new byte[DecimalText.length(precision, scale)];
        int offset = 0;
        int lead = integerDigits % 9;
        if (lead > 0) {
            offset = put(packed, offset, GROUP_BYTES[lead], Integer.parseInt(integer.substring(0, lead)));
        }
        for (int i = lead; i < integerDigits; i += 9) {
            offset = put(packed, offset, 4, Integer.parseInt(integer.substring(i, i + 9)));
        }
        for (int i = 0; i + 9 <= scale; i += 9) {
            offset = put(packed, offset, 4, Integer.parseInt(fraction.substring(i, i + 9)));
        }
        int tail = scale % 9;
        if (tail > 0) {
            put(packed, offset, GROUP_BYTES[tail], Integer.parseInt(fraction.substring(scale - tail)));
        }
        if (negative) {
            for (int i = 0; i < packed.length; i++) {
                packed[i] = (byte) ~packed[i];
            }
        }
        packed[0] ^= (byte) 0x80;
        return packed;
    }

    private static int put(byte[] packed, int offset, int bytes, int value) {
        for (int i = bytes - 1; i >= 0; i--) {
            packed[offset + i] = (byte) (value >>> (8 * (bytes - 1 - i)));
        }
        return offset + bytes;
    }
}
