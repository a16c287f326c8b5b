package io.chameleon.postgres;

import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each binary encoding against PostgreSQL itself: the same input texts loaded with a text COPY and with a binary
 * COPY must give equal values, printed alike. Edge values of what the codecs produce are included.
 */
@RealServers
class BinaryEncodingTest {

    private final PostgresDatabase target;

    BinaryEncodingTest(PostgresDatabase target) {
        this.target = target;
    }

    @Test
    void integers() throws SQLException {
        same("smallint", "-32768", "32767", "0", "-1", "2155");
        same("integer", "-2147483648", "2147483647", "0", "42");
        same("bigint", "-9223372036854775808", "9223372036854775807", "0", "-7");
    }

    @Test
    void numerics() throws SQLException {
        same("numeric(65,30)", "99999999999999999999999999999999999.999999999999999999999999999999",
                "-99999999999999999999999999999999999.999999999999999999999999999999",
                "1.500000000000000000000000000000", "0.000000000000000000000000000001",
                "0.000000000000000000000000000000", "-0.000000000000000000000000000000");
        same("numeric(20)", "18446744073709551615", "0", "10000", "100000000", "1");
        same("numeric(14,4)", "0.0000", "-0.5000", "123.4500", "10000.0001", "9999999999.9999", "28571.4286");
        same("numeric", "0", "-0", "1", "0.1", "0.00001", "123456789.000000001", "-1.0",
                ".5", "5.");
        same("numeric(10,2)", "1.005", "-1.005", "12345678.994"); // rounded to the scale on the way in
    }

    @Test
    void floats() throws SQLException {
        same("real", "3.4028235E38", "-3.4028235E38", "1.17549435E-38", "1.4E-45", "0.0", "-0.0", "1.2345678",
                "100.0");
        same("double precision", "1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308",
                "0.30000000000000004", "-0.0", "1.0E10");
    }

    @Test
    void text() throws SQLException {
        same("text", "", "héllo 😀 𝄞", "tab\there", "back\\slash", "line\nbreak", "'quoted'");
        same("varchar(10)", "abc", "😀😀😀😀😀😀😀😀😀😀");
        same("char(5)", "ab", "", "abcde");
        same("jsonb", "{\"k\": \"ü😀\", \"n\": [1, 2.5, null, true], \"q\": \"a\\\"b\"}", "[]", "\"x\"",
                "{\"b\": 1, \"a\": {\"c\": \"\\\\\"}}");
        same("bytea", "\\x", "\\x00ff0a0d5c", "\\x" + "00ff".repeat(40_000));
    }

    @Test
    void datesAndTimes() throws SQLException {
        same("date", "1000-01-01", "9999-12-31", "2000-01-01", "1999-12-31", "1970-01-01", "2024-02-29",
                "0001-01-01");
        same("timestamp(6)", "1000-01-01 00:00:00", "9999-12-31 23:59:59.999999", "2000-01-01 00:00:00",
                "1999-12-31 23:59:59.5", "2020-01-01 00:00:01.234567", "1970-01-01 00:00:00.000001");
        same("timestamp(0)", "2020-01-01 00:00:01", "2020-01-01 00:00:01.5"); // rounded to the precision
        same("timestamptz(6)", "2038-01-19 03:14:07.999999+00", "1970-01-01 00:00:01+00",
                "2000-01-01 00:00:00+00");
        same("time(6)", "00:00:00", "24:00:00", "23:59:59.999999", "12:34:56.5");
        same("time(2)", "10:00:00.125", "23:59:59.999"); // rounded to the precision, 23:59:59.999 to 24:00:00
        // MySQL TIME: a duration of up to 838 hours, either sign, with fractions
        same("interval(6)", "00:00:00", "24:00:00", "25:00:00", "838:59:59", "-838:59:59", "-838:59:59.000000",
                "-00:00:00.5", "-01:30:00.25", "123:45:06.000001", "-00:00:00");
        same("interval(0)", "838:59:59", "-838:59:59", "10:00:00");
    }

    @Test
    void typesWithoutABinaryFormAreLeftToText() {
        assertThat(BinaryEncoding.forType("text[]")).isEmpty();
        assertThat(BinaryEncoding.forType("bit(12)")).isEmpty();
        assertThat(BinaryEncoding.forType("geometry")).isEmpty();
        assertThat(BinaryEncoding.forType("uuid")).isEmpty();
        assertThat(BinaryEncoding.forType("boolean")).isEmpty();
        assertThat(BinaryEncoding.forType("time(6) with time zone")).isEmpty();
        assertThat(BinaryEncoding.forType("\"char\"")).isEmpty();
        assertThat(BinaryEncoding.forType("timestamp(3) with time zone")).contains(BinaryEncoding.TIMESTAMP);
        assertThat(BinaryEncoding.forType("character varying(20)")).contains(BinaryEncoding.TEXT);
        assertThat(BinaryEncoding.forType("NUMERIC(14, 4)")).contains(BinaryEncoding.NUMERIC);
    }

    @Test
    void textThatIsNotOfTheTypeIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> encode(BinaryEncoding.INT2, "32768")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("32768");
        assertThatThrownBy(() -> encode(BinaryEncoding.NUMERIC, "1.2.3")).hasMessageContaining("1.2.3");
        assertThatThrownBy(() -> encode(BinaryEncoding.NUMERIC, "-")).hasMessageContaining("-");
        assertThatThrownBy(() -> encode(BinaryEncoding.DATE, "2020-02-30")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> encode(BinaryEncoding.TIME, "25:00:00")).hasMessageContaining("25:00:00");
        assertThatThrownBy(() -> encode(BinaryEncoding.TIMESTAMP, "2020-01-01 00:00:00.1234567"))
                .hasMessageContaining("00:00:00.1234567");
    }

    private static void encode(BinaryEncoding encoding, String text) throws SQLException {
        CopyIn discarding = (CopyIn) Proxy.newProxyInstance(BinaryEncodingTest.class.getClassLoader(),
                new Class<?>[] {CopyIn.class}, (proxy, method, args) -> null);
        CopyBinaryWriter writer = new CopyBinaryWriter(discarding, 0);
        encoding.write(text, writer);
    }

    /** Loads the texts into two tables of {@code type}, by text and by binary COPY, and compares them. */
    private void same(String type, String... texts) throws SQLException {
        BinaryEncoding encoding = BinaryEncoding.forType(type).orElseThrow();
        try (Connection pg = target.connect()) {
            try (var st = pg.createStatement()) {
                st.execute("DROP TABLE IF EXISTS by_text, by_binary");
                st.execute("CREATE TABLE by_text (i int, v " + type + ")");
                st.execute("CREATE TABLE by_binary (i int, v " + type + ")");
            }
            CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
            CopyTextWriter text = new CopyTextWriter(copy.copyIn("COPY by_text FROM STDIN"), 0);
            for (int i = 0; i < texts.length; i++) {
                text.field(Integer.toString(i));
                text.field(texts[i]);
                text.endRow();
            }
            text.field(Integer.toString(texts.length));
            text.field((String) null);
            text.endRow();
            text.finish();
            CopyBinaryWriter binary = new CopyBinaryWriter(copy.copyIn("COPY by_binary FROM STDIN (FORMAT binary)"), 0);
            for (int i = 0; i < texts.length; i++) {
                binary.startRow(2);
                binary.int4Field(i);
                encoding.write(texts[i], binary);
            }
            binary.startRow(2);
            binary.int4Field(texts.length);
            binary.nullField();
            assertThat(binary.finish()).isEqualTo(texts.length + 1);
        }
        List<List<Object>> differing = target.queryForList("SELECT i, t.v::text, b.v::text FROM by_text t"
                + " FULL JOIN by_binary b USING (i) WHERE t.v IS DISTINCT FROM b.v OR t.v::text IS DISTINCT FROM"
                + " b.v::text OR t.i IS NULL OR b.i IS NULL");
        assertThat(differing).as(type).isEmpty();
        List<Object> printed = new ArrayList<>();
        target.queryForList("SELECT v::text FROM by_binary ORDER BY i").forEach(row -> printed.add(row.get(0)));
        assertThat(printed).as(type).hasSize(texts.length + 1).last().isNull();
    }
}
