package io.chameleon.capture;

import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change log's JSON images as the reader writes them, one generator serving image after image. */
class RowImageEncoderTest {

    private static final SourceTable SOURCE = new SourceTable("shop", "docs", "InnoDB", true, List.of(
            column("id", 1, "int", "int(11)", false, null),
            column("doc", 2, "json", "json", true, "utf8mb4"),
            column("note", 3, "varchar", "varchar(20)", true, "utf8mb4"),
            column("raw", 4, "blob", "blob", true, null)),
            List.of(new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false)), 0, 0);

    private final CapturedTable table = new CapturedTable(7, SOURCE,
            new TableMapper(new TypeMapper(Map.of(), false)).map(SOURCE, "shop"), null);
    private final RowImageEncoder encoder = new RowImageEncoder();

    @Test
    void writesEachImageAsItsOwnObjectWithTheDocumentInPlace() throws Exception {
        assertThat(text(encoder.encode(row(1, "{\"a\": [1, \"ü😀\"], \"b\": null}", "say \"hi\"\\", new byte[] {0, -1}),
                table, false)))
                .isEqualTo("{\"id\":\"1\",\"doc\":{\"a\": [1, \"ü😀\"], \"b\": null},\"note\":\"say \\\"hi\\\"\\\\\","
                        + "\"raw\":\"\\\\x00ff\"}");
        assertThat(text(encoder.encode(row(2, "[]", null, null), table, false)))
                .isEqualTo("{\"id\":\"2\",\"doc\":[],\"note\":null,\"raw\":null}");
        assertThat(text(encoder.encodeKey(row(3, "{}", "x", null), table, false))).isEqualTo("{\"id\":\"3\"}");
    }

    @Test
    void aRejectedValueLeavesTheNextImageWhole() throws Exception {
        Serializable[] nulEscape = row(4, "{\"a\": \"\\u0000\"}", "x", null);
        assertThatThrownBy(() -> encoder.encode(nulEscape, table, false))
                .isInstanceOfSatisfying(RowImageEncoder.BadValue.class, bad -> assertThat(bad.column()).isEqualTo("doc"));
        assertThat(text(encoder.encode(row(5, "{\"ok\": true}", "y", null), table, false)))
                .isEqualTo("{\"id\":\"5\",\"doc\":{\"ok\": true},\"note\":\"y\",\"raw\":null}");
        // bad_value_policy null: the nullable document becomes JSON null
        assertThat(text(encoder.encode(nulEscape, table, true)))
                .isEqualTo("{\"id\":\"4\",\"doc\":null,\"note\":\"x\",\"raw\":null}");
    }

    @Test
    void aDocumentThatIsNotValidUtf8GoesThroughTheCodec() {
        Serializable[] latin1 = row(6, null, "z", null);
        latin1[1] = new byte[] {'"', (byte) 0xE9, '"'};
        assertThatThrownBy(() -> encoder.encode(latin1, table, false))
                .isInstanceOfSatisfying(RowImageEncoder.BadValue.class, bad -> assertThat(bad.column()).isEqualTo("doc"));
    }

    private static Serializable[] row(int id, String doc, String note, byte[] raw) {
        return new Serializable[] {id, bytes(doc), bytes(note), raw};
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] image) {
        return new String(image, StandardCharsets.UTF_8);
    }

    private static SourceColumn column(String name, int position, String dataType, String columnType,
                                       boolean nullable, String charset) {
        return new SourceColumn(name, position, dataType, columnType, nullable,
                nullable ? new ColumnDefault.Null() : new ColumnDefault.None(), "", charset, null,
                dataType.equals("varchar") ? 20L : null, null, null, null);
    }
}
