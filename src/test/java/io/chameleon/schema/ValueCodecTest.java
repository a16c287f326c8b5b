package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCodecTest {

    private static final SourceCharset UTF8 = SourceCharset.of("utf8mb4");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static BadValueReason reasonOf(ValueCodec codec, byte[] raw) {
        try {
            codec.fromText(raw);
        } catch (BadValueException e) {
            return e.reason();
        }
        throw new AssertionError("accepted " + new String(raw, StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyCodecTurnsSqlNullIntoNull() throws BadValueException {
        for (ValueCodec codec : List.of(new ExactNumberCodec("c"), new UnsignedBigintCodec("c"),
                new FloatCodec("c", true), new TextCodec("c", UTF8), new BytesCodec("c"), new DateCodec("c"),
                new DateTimeCodec("c", true), new TimeCodec("c", false), new YearCodec("c"), new BitCodec("c", 3),
                new EnumCodec("c", UTF8, List.of("a")), new SetCodec("c", UTF8, List.of("a")),
                new JsonCodec("c", UTF8), new GeometryCodec("c", true))) {
            assertThat(codec.fromText(null)).as(codec.toString()).isNull();
        }
    }

    @Nested
    class Numbers {
        @Test
        void passesIntegerLimitsOfEveryWidthThrough() {
            for (String limit : List.of("-128", "127", "255", "-32768", "32767", "65535", "-8388608", "8388607",
                    "16777215", "-2147483648", "2147483647", "4294967295", "-9223372036854775808",
                    "9223372036854775807")) {
                assertThat(new ExactNumberCodec("c").fromText(ascii(limit))).isEqualTo(limit);
            }
        }

        @Test
        void keepsUnsignedBigintMaximumInTextAndFromTheStreamsSignedLong() {
            UnsignedBigintCodec codec = new UnsignedBigintCodec("c");
            assertThat(codec.fromText(ascii("18446744073709551615"))).isEqualTo("18446744073709551615");
            assertThat(codec.fromSignedLong(-1L)).isEqualTo("18446744073709551615");
            assertThat(codec.fromSignedLong(Long.MIN_VALUE)).isEqualTo("9223372036854775808");
        }

        @Test
        void keepsDecimal65Scale30Digits() {
            String value = "-" + "9".repeat(35) + "." + "0".repeat(29) + "1";
            assertThat(new ExactNumberCodec("c").fromText(ascii(value))).isEqualTo(value);
        }

        @Test
        void printsFloatsAsTheShortestTextOfTheSameBinaryValue() throws BadValueException {
            FloatCodec real = new FloatCodec("c", true);
            assertThat(real.fromText(ascii("3.4028234663852886e38"))).isEqualTo("3.4028235E38");
            assertThat(real.fromText(ascii("1.401298464324817e-45"))).isEqualTo("1.4E-45");
            assertThat(real.fromText(ascii("-1.2345677614212036"))).isEqualTo("-1.2345678");
            assertThat(real.fromText(ascii("0"))).isEqualTo("0.0");
            assertThat(real.fromText(ascii("-0"))).isEqualTo("-0.0");
        }

        @Test
        void printsDoublesAsTheShortestTextOfTheSameBinaryValue() throws BadValueException {
            FloatCodec dbl = new FloatCodec("c", false);
            assertThat(dbl.fromText(ascii("1.7976931348623157e308"))).isEqualTo("1.7976931348623157E308");
            assertThat(dbl.fromText(ascii("-2.2250738585072014e-308"))).isEqualTo("-2.2250738585072014E-308");
            assertThat(dbl.fromText(ascii("4.9e-324"))).isEqualTo("4.9E-324");
            assertThat(dbl.fromText(ascii("0.30000000000000004"))).isEqualTo("0.30000000000000004");
            assertThat(dbl.fromDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        }

        @Test
        void rejectsAFloatBeyondRealRange() {
            assertThat(reasonOf(new FloatCodec("c", true), ascii("1e39"))).isEqualTo(BadValueReason.OUT_OF_RANGE);
        }

        @Test
        void printsYearsAsNumbers() {
            YearCodec year = new YearCodec("c");
            assertThat(year.fromText(ascii("1901"))).isEqualTo("1901");
            assertThat(year.fromText(ascii("2155"))).isEqualTo("2155");
            assertThat(year.fromText(ascii("0000"))).isEqualTo("0");
        }
    }

    @Nested
    class Text {
        @Test
        void keepsFourByteUtf8() throws BadValueException {
            assertThat(new TextCodec("c", UTF8).fromText(utf8("emoji 😀 clef 𝄞"))).isEqualTo("emoji 😀 clef 𝄞");
        }

        @Test
        void rejectsInvalidUtf8Bytes() {
            assertThat(reasonOf(new TextCodec("c", UTF8), new byte[] {'a', (byte) 0xc3, '(', 'b'}))
                    .isEqualTo(BadValueReason.INVALID_BYTES);
            assertThat(reasonOf(new TextCodec("c", UTF8), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
                    .as("an encoded surrogate").isEqualTo(BadValueReason.INVALID_BYTES);
        }

        @Test
        void rejectsNulCharacterNamingColumnAndValue() {
            assertThatThrownBy(() -> new TextCodec("title", UTF8).fromText(new byte[] {'a', 0, 'b'}))
                    .isInstanceOf(BadValueException.class)
                    .hasMessage("column title: a NUL character (NUL_CHARACTER): 'a\\x00b'");
        }

        @Test
        void decodesLatin1AsMySqlDoesIncludingTheWindows1252Holes() throws BadValueException {
            TextCodec latin1 = new TextCodec("c", SourceCharset.of("latin1"));
            assertThat(latin1.fromText(new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0x80, (byte) 0x81}))
                    .isEqualTo("café €\u0081");
        }

        @Test
        void decodesOtherSingleAndMultiByteCharsets() throws BadValueException {
            assertThat(new TextCodec("c", SourceCharset.of("cp1251")).fromText(new byte[] {(byte) 0xc4, (byte) 0xe0}))
                    .isEqualTo("Да");
            assertThat(new TextCodec("c", SourceCharset.of("gbk")).fromText(new byte[] {(byte) 0xd6, (byte) 0xd0}))
                    .isEqualTo("中");
            assertThat(new TextCodec("c", SourceCharset.of("ucs2")).fromText(new byte[] {0, 'A', 0x04, 0x14}))
                    .isEqualTo("AД");
        }

        @Test
        void rejectsBytesOutsideAscii() {
            assertThat(reasonOf(new TextCodec("c", SourceCharset.of("ascii")), new byte[] {(byte) 0xe9}))
                    .isEqualTo(BadValueReason.INVALID_BYTES);
        }
    }

    @Nested
    class Bytes {
        @Test
        void writesByteaHex() {
            BytesCodec codec = new BytesCodec("c");
            assertThat(codec.fromText(new byte[0])).isEqualTo("\\x");
            assertThat(codec.fromText(new byte[] {0, (byte) 0xff, '\\', 10})).isEqualTo("\\x00ff5c0a");
        }

        @Test
        void writesA64KiBBlob() {
            byte[] blob = new byte[65536];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) i;
            }
            String text = new BytesCodec("c").fromText(blob);
            assertThat(text).hasSize(2 + 2 * 65536).startsWith("\\x000102").endsWith("fdfeff");
            assertThat(HexFormat.of().parseHex(text.substring(2))).isEqualTo(blob);
        }
    }

    @Nested
    class Temporal {
        @Test
        void keepsDatesAndDatetimesWithMicroseconds() throws BadValueException {
            assertThat(new DateCodec("c").fromText(ascii("1000-01-01"))).isEqualTo("1000-01-01");
            assertThat(new DateTimeCodec("c", false).fromText(ascii("9999-12-31 23:59:59.999999")))
                    .isEqualTo("9999-12-31 23:59:59.999999");
        }

        @Test
        void marksTimestampsAsUtc() throws BadValueException {
            assertThat(new DateTimeCodec("c", true).fromText(ascii("2038-01-19 03:14:07.999999")))
                    .isEqualTo("2038-01-19 03:14:07.999999+00");
        }

        @Test
        void rejectsZeroDatesAndZeroParts() {
            assertThat(reasonOf(new DateCodec("c"), ascii("0000-00-00"))).isEqualTo(BadValueReason.ZERO_DATE);
            assertThat(reasonOf(new DateCodec("c"), ascii("2020-00-10"))).isEqualTo(BadValueReason.ZERO_DATE);
            assertThat(reasonOf(new DateCodec("c"), ascii("2020-05-00"))).isEqualTo(BadValueReason.ZERO_DATE);
            assertThat(reasonOf(new DateCodec("c"), ascii("0000-01-01"))).isEqualTo(BadValueReason.ZERO_DATE);
            assertThat(reasonOf(new DateTimeCodec("c", false), ascii("0000-00-00 00:00:00")))
                    .isEqualTo(BadValueReason.ZERO_DATE);
            assertThat(reasonOf(new DateTimeCodec("c", true), ascii("0000-00-00 00:00:00.000000")))
                    .isEqualTo(BadValueReason.ZERO_DATE);
        }

        @Test
        void keepsEveryTimeAsAnInterval() throws BadValueException {
            TimeCodec interval = new TimeCodec("c", false);
            for (String value : List.of("00:00:00", "24:00:00", "25:00:00", "838:59:59", "-838:59:59",
                    "-838:59:59.000000", "-00:00:00.500000", "123:45:06.5")) {
                assertThat(interval.fromText(ascii(value))).as(value).isEqualTo(value);
                assertThat(interval.rawIsText(ascii(value))).as(value).isTrue();
            }
        }

        @Test
        void keepsTimesOfDayUpTo24Hours() throws BadValueException {
            TimeCodec time = new TimeCodec("c", true);
            assertThat(time.fromText(ascii("00:00:00"))).isEqualTo("00:00:00");
            assertThat(time.fromText(ascii("23:59:59.999999"))).isEqualTo("23:59:59.999999");
            assertThat(time.fromText(ascii("24:00:00"))).isEqualTo("24:00:00");
            assertThat(time.fromText(ascii("24:00:00.000000"))).isEqualTo("24:00:00.000000");
            assertThat(time.fromText(ascii("-00:00:00"))).isEqualTo("00:00:00");
        }

        @Test
        void rejectsTimesOutsideADayForPostgresTime() {
            TimeCodec time = new TimeCodec("c", true);
            for (String outside : List.of("838:59:59", "-838:59:59", "24:00:00.000001", "25:00:00", "-00:00:01")) {
                assertThat(reasonOf(time, ascii(outside))).as(outside).isEqualTo(BadValueReason.TIME_OUT_OF_RANGE);
            }
        }
    }

    @Nested
    class Bits {
        @Test
        void writesBitStringsOfTheColumnWidth() throws BadValueException {
            assertThat(new BitCodec("c", 1).fromText(new byte[] {1})).isEqualTo("1");
            assertThat(new BitCodec("c", 1).fromText(new byte[] {0})).isEqualTo("0");
            assertThat(new BitCodec("c", 12).fromText(new byte[] {0x0a, (byte) 0xaa})).isEqualTo("101010101010");
            assertThat(new BitCodec("c", 64).fromText(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 1}))
                    .isEqualTo("1" + "0".repeat(62) + "1");
        }

        @Test
        void padsShortValuesAndConvertsNumbers() throws BadValueException {
            assertThat(new BitCodec("c", 12).fromText(new byte[] {5})).isEqualTo("000000000101");
            assertThat(new BitCodec("c", 64).fromUnsigned(new BigInteger("18446744073709551615")))
                    .isEqualTo("1".repeat(64));
        }

        @Test
        void rejectsBitsBeyondTheWidth() {
            assertThat(reasonOf(new BitCodec("c", 4), new byte[] {0x1f})).isEqualTo(BadValueReason.OUT_OF_RANGE);
        }
    }

    @Nested
    class EnumsAndSets {
        private final List<String> labels = List.of("a", "it's", "b,c", "q\"\\{}");

        @Test
        void writesEnumLabelsIncludingQuotes() throws BadValueException {
            EnumCodec codec = new EnumCodec("c", UTF8, labels);
            assertThat(codec.fromText(utf8("it's"))).isEqualTo("it's");
            assertThat(codec.fromText(utf8("b,c"))).isEqualTo("b,c");
        }

        @Test
        void rejectsTheEmptyErrorValueOfAnEnum() {
            assertThat(reasonOf(new EnumCodec("c", UTF8, labels), new byte[0])).isEqualTo(BadValueReason.OUT_OF_RANGE);
        }

        @Test
        void writesSetsAsQuotedArrayLiterals() throws BadValueException {
            SetCodec codec = new SetCodec("c", UTF8, labels);
            assertThat(codec.fromText(new byte[0])).isEqualTo("{}");
            assertThat(codec.fromText(utf8("a"))).isEqualTo("{\"a\"}");
            assertThat(codec.fromText(utf8("a,it's"))).isEqualTo("{\"a\",\"it's\"}");
            assertThat(codec.fromText(utf8("b,c"))).as("a label with a comma").isEqualTo("{\"b,c\"}");
            assertThat(codec.fromText(utf8("a,it's,b,c,q\"\\{}")))
                    .isEqualTo("{\"a\",\"it's\",\"b,c\",\"q\\\"\\\\{}\"}");
        }

        @Test
        void rejectsSetTextThatIsNotMadeOfLabels() {
            SetCodec codec = new SetCodec("c", UTF8, labels);
            assertThat(reasonOf(codec, utf8("zz"))).isEqualTo(BadValueReason.OUT_OF_RANGE);
            assertThat(reasonOf(codec, utf8("a,"))).isEqualTo(BadValueReason.OUT_OF_RANGE);
        }
    }

    @Nested
    class Json {
        @Test
        void keepsNestedUnicode() throws BadValueException {
            String doc = "{\"a\": {\"b\": [\"ü😀\", \"\\u00e9\", \"\\\\u0000 is text\"]}}";
            assertThat(new JsonCodec("c", UTF8).fromText(utf8(doc))).isEqualTo(doc);
        }

        @Test
        void rejectsTheNulEscapeJsonbRefuses() {
            assertThat(reasonOf(new JsonCodec("c", UTF8), utf8("{\"k\": \"a\\u0000\"}")))
                    .isEqualTo(BadValueReason.NUL_CHARACTER);
            assertThat(reasonOf(new JsonCodec("c", UTF8), utf8("[\"\\\\\\u0000\"]")))
                    .as("escaped backslash then the escape").isEqualTo(BadValueReason.NUL_CHARACTER);
        }

        @Test
        void rawBytesAreTheTextOnlyWhenTheCodecWouldReturnThemUnchanged() {
            JsonCodec codec = new JsonCodec("c", UTF8);
            assertThat(codec.rawIsText(utf8("{\"a\": [\"ü😀\", \"\\\\u0000 is text\"]}"))).isTrue();
            assertThat(codec.rawIsText(utf8("{\"k\": \"a\\u0000\"}"))).as("the NUL escape").isFalse();
            assertThat(codec.rawIsText(utf8("[\"\\\\\\u0000\"]"))).as("escaped backslash, then the escape")
                    .isFalse();
            assertThat(codec.rawIsText(utf8("[\"\\u000\"]"))).as("a cut-off escape is left to jsonb").isTrue();
            assertThat(codec.rawIsText(new byte[] {'"', (byte) 0xC3, '"'})).as("invalid UTF-8").isFalse();
            assertThat(new JsonCodec("c", SourceCharset.of("latin1")).rawIsText(utf8("{}"))).isFalse();
            assertThat(new TextCodec("c", UTF8).rawIsText(utf8("é😀"))).isTrue();
            assertThat(new TextCodec("c", UTF8).rawIsText(new byte[] {'a', 0, 'b'})).as("NUL").isFalse();
            assertThat(new TextCodec("c", SourceCharset.of("latin1")).rawIsText(utf8("abc"))).isFalse();
            assertThat(new ExactNumberCodec("c").rawIsText(utf8("-12.50"))).isTrue();
        }
    }

    @Nested
    class Geometry {
        // MySQL: SRID 4326 little-endian, then WKB POINT(1 2) little-endian
        private final byte[] point4326 = HexFormat.of().parseHex(
                "e6100000" + "0101000000" + "000000000000f03f" + "0000000000000040");

        @Test
        void writesWkbWithoutTheSridAsByteaWithoutPostgis() throws BadValueException {
            assertThat(new GeometryCodec("c", false).fromText(point4326))
                    .isEqualTo("\\x0101000000000000000000f03f0000000000000040");
        }

        @Test
        void writesHexEwkbWithTheSridForPostgis() throws BadValueException {
            assertThat(new GeometryCodec("c", true).fromText(point4326))
                    .isEqualTo("0101000020E6100000000000000000F03F0000000000000040");
        }

        @Test
        void foldsTheSridIntoBigEndianWkb() {
            byte[] bigEndianPoint = HexFormat.of().parseHex("0000000001" + "3ff0000000000000" + "4000000000000000");
            assertThat(HexFormat.of().formatHex(GeometryCodec.ewkb(bigEndianPoint, 3857)))
                    .isEqualTo("0020000001" + "00000f11" + "3ff0000000000000" + "4000000000000000");
        }

        @Test
        void writesPlainWkbForSridZero() throws BadValueException {
            byte[] point0 = HexFormat.of().parseHex("00000000" + "0101000000" + "000000000000f03f" + "0000000000000040");
            assertThat(new GeometryCodec("c", true).fromText(point0))
                    .isEqualTo("0101000000000000000000F03F0000000000000040");
        }

        @Test
        void rejectsBytesThatAreNotMySqlSpatialData() {
            assertThat(reasonOf(new GeometryCodec("c", true), new byte[] {1, 2, 3}))
                    .isEqualTo(BadValueReason.INVALID_BYTES);
        }
    }
}
