package io.chameleon.capture.binlog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-writing TemporalText renders every packed value exactly as the String-based implementation before it
 * ({@link TemporalTextReference}): edge values of each type, then many random packings, valid or not.
 */
class TemporalTextTest {

    private static final int RANDOM_VALUES = 200_000;

    @Test
    void edgeValuesMatchTheReference() {
        for (int precision = 0; precision <= 6; precision++) {
            for (long packed : new long[] {0x8000000000L, 0x8000000000L + (9999L * 13 + 12 << 22) + (31L << 17)
                    + (23L << 12) + (59L << 6) + 59, 0xFFFFFFFFFFL, 0}) {
                for (int micros : new int[] {0, 1, 999_999, 120_000, 500}) {
                    same(TemporalText.datetime2(packed, micros, precision),
                            TemporalTextReference.datetime2(packed, micros, precision));
                }
            }
            for (long seconds : new long[] {0, 1, 2_147_483_647L, 1_700_000_000L, 4_294_967_295L}) {
                same(TemporalText.timestamp(seconds, 0, precision),
                        TemporalTextReference.timestamp(seconds, 0, precision));
                same(TemporalText.timestamp(seconds, 999_999, precision),
                        TemporalTextReference.timestamp(seconds, 999_999, precision));
            }
        }
        for (int packed : new int[] {0, 1, (2024 << 9) | (2 << 5) | 29, (9999 << 9) | (12 << 5) | 31, 0xFFFFFF}) {
            same(TemporalText.date(packed), TemporalTextReference.date(packed));
        }
        for (int digits : new int[] {0, 1, -1, 8385959, -8385959, 235959, -10000, 1_000_000}) {
            same(TemporalText.time(digits), TemporalTextReference.time(digits));
        }
        for (long digits : new long[] {0, 20240229130500L, 99991231235959L, 1L, 100000101000000L}) {
            same(TemporalText.datetime(digits), TemporalTextReference.datetime(digits));
        }
        for (int fractionBytes = 0; fractionBytes <= 3; fractionBytes++) {
            for (long packed : new long[] {0x800000L, 0x800000L - 1, 0x800000L + (838L << 12) + (59 << 6) + 59,
                    0x800000L - (838L << 12) - (59 << 6) - 59, 0, 0xFFFFFF}) {
                for (long fraction : new long[] {0, 1, (1L << (8 * fractionBytes)) - 1}) {
                    same(TemporalText.time2(packed, fractionBytes, fraction, fractionBytes * 2),
                            TemporalTextReference.time2(packed, fractionBytes, fraction, fractionBytes * 2));
                }
            }
        }
        for (int stored = 0; stored < 256; stored++) {
            same(TemporalText.year(stored), TemporalTextReference.year(stored));
        }
    }

    @Test
    void randomValuesMatchTheReference() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < RANDOM_VALUES; i++) {
            int precision = random.nextInt(7);
            int micros = random.nextInt(1_000_000);
            long packed5 = random.nextLong(1L << 40);
            same(TemporalText.datetime2(packed5, micros, precision),
                    TemporalTextReference.datetime2(packed5, micros, precision));
            long seconds = random.nextLong(1L << 32);
            same(TemporalText.timestamp(seconds, micros, precision),
                    TemporalTextReference.timestamp(seconds, micros, precision));
            int packed3 = random.nextInt(1 << 24);
            same(TemporalText.date(packed3), TemporalTextReference.date(packed3));
            int fractionBytes = random.nextInt(4);
            long fraction = fractionBytes == 0 ? 0 : random.nextLong(1L << (8 * fractionBytes));
            int timePrecision = fractionBytes == 0 ? 0 : fractionBytes * 2 - random.nextInt(2);
            same(TemporalText.time2(packed3, fractionBytes, fraction, timePrecision),
                    TemporalTextReference.time2(packed3, fractionBytes, fraction, timePrecision));
            int digits = random.nextInt(-8_385_959, 8_385_960);
            same(TemporalText.time(digits), TemporalTextReference.time(digits));
            long datetimeDigits = random.nextLong(100_000_000_000_000L);
            same(TemporalText.datetime(datetimeDigits), TemporalTextReference.datetime(datetimeDigits));
        }
    }

    private static void same(byte[] actual, byte[] expected) {
        assertThat(new String(actual, StandardCharsets.US_ASCII))
                .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
    }
}
