package io.chameleon.capture.values;

import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueReason;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change log's images (binary text arrays) as the reader writes them, image after image. */
class RowImageEncoderTest {

    private static final SourceTable SOURCE = new SourceTable("shop", "docs", "InnoDB", true, List.of(
            column("id", 1, "int", "int(11)", false, null),
            column("doc", 2, "json", "json", true, "utf8mb4"),
            column("note", 3, "varchar", "varchar(20)", true, "utf8mb4"),
            column("raw", 4, "blob", "blob", true, null)),
            List.of(new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false)), 0, 0);

    private final ImageColumns table = ImageColumns.of(SOURCE,
            new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT)).map(SOURCE, "shop"));
    private final RowImageEncoder encoder = new RowImageEncoder();

    @Test
    void writesEachImageAsTheTextsOfItsColumnsWithTheDocumentAsItIs() throws Exception {
        assertThat(TextArrayImage.parse(encoder.encode(row(1, "{\"a\": [1, \"ü😀\"], \"b\": null}", "say \"hi\"\\",
                new byte[] {0, -1}), table, false)))
                .containsExactly("1", "{\"a\": [1, \"ü😀\"], \"b\": null}", "say \"hi\"\\", "\\x00ff");
        assertThat(TextArrayImage.parse(encoder.encode(row(2, "[]", null, null), table, false)))
                .containsExactly("2", "[]", null, null);
        assertThat(TextArrayImage.parse(encoder.encodeKey(row(3, "{}", "x", null), table, false))).containsExactly("3");
        assertThat(table.layout(7)).isEqualTo(new ImageLayout(7, List.of("id", "doc", "note", "raw"), List.of("id")));
    }

    @Test
    void aRejectedValueLeavesTheNextImageWhole() throws Exception {
        Serializable[] nulEscape = row(4, "{\"a\": \"\\u0000\"}", "x", null);
        assertThatThrownBy(() -> encoder.encode(nulEscape, table, false))
                .isInstanceOfSatisfying(RowImageEncoder.BadValue.class, bad -> assertThat(bad.column()).isEqualTo("doc"));
        assertThat(TextArrayImage.parse(encoder.encode(row(5, "{\"ok\": true}", "y", null), table, false)))
                .containsExactly("5", "{\"ok\": true}", "y", null);
        assertThat(encoder.takeNulledValues()).isEmpty();
        // bad_value_policy null: the nullable document becomes NULL, kept for the caller to record once
        assertThat(TextArrayImage.parse(encoder.encode(nulEscape, table, true))).containsExactly("4", null, "x", null);
        assertThat(encoder.takeNulledValues()).singleElement().satisfies(nulled -> {
            assertThat(nulled.column()).isEqualTo("doc");
            assertThat(nulled.badValue().reason()).isEqualTo(BadValueReason.NUL_CHARACTER);
        });
        assertThat(encoder.takeNulledValues()).isEmpty();
    }

    @Test
    void aDocumentThatIsNotValidUtf8GoesThroughTheCodec() {
        Serializable[] latin1 = row(6, null, "z", null);
        latin1[1] = new byte[] {'"', (byte) 0xE9, '"'};
        assertThatThrownBy(() -> encoder.encode(latin1, table, false))
                .isInstanceOfSatisfying(RowImageEncoder.BadValue.class, bad -> assertThat(bad.column()).isEqualTo("doc"));
    }

    @Test
    void aLargeImageGrowsTheBuffer() throws Exception {
        String note = "ü".repeat(5000);
        assertThat(TextArrayImage.parse(encoder.encode(row(8, "{}", note, new byte[3000]), table, false)))
                .containsExactly("8", "{}", note, "\\x" + "00".repeat(3000));
        assertThat(TextArrayImage.parse(encoder.encode(row(9, "1", "n", null), table, false)))
                .containsExactly("9", "1", "n", null);
    }

    private static Serializable[] row(int id, String doc, String note, byte[] raw) {
        return new Serializable[] {id, bytes(doc), bytes(note), raw};
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static SourceColumn column(String name, int position, String dataType, String columnType,
                                       boolean nullable, String charset) {
        return new SourceColumn(name, position, dataType, columnType, nullable,
                nullable ? new ColumnDefault.Null() : new ColumnDefault.None(), "", charset, null,
                dataType.equals("varchar") ? 20L : null, null, null, null);
    }
}
