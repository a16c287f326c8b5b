package io.chameleon.capture.binlog;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MariaDB's stored form of a compressed column's value, and the types of a TABLE_MAP body. */
class CompressedColumnsTest {

    @Test
    void valuesStoredAsTheyAreOrDeflatedWithOrWithoutZlibsHeaderComeBackWhole() {
        byte[] text = "déjà vu ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertThat(CompressedColumns.inflate(stored(text, true))).isEqualTo(text);
        assertThat(CompressedColumns.inflate(stored(text, false))).isEqualTo(text);
        byte[] asIs = {0x00, 'a', 'b'};
        assertThat(CompressedColumns.inflate(asIs)).isEqualTo(new byte[] {'a', 'b'});
        assertThat(CompressedColumns.inflate(new byte[0])).isEmpty();
    }

    @Test
    void aValueThatIsNotWhatItsHeaderSaysIsRefusedWithTheReason() {
        byte[] text = "x".repeat(300).getBytes(StandardCharsets.UTF_8);
        byte[] cut = stored(text, true);
        cut = java.util.Arrays.copyOf(cut, cut.length - 3);
        byte[] truncated = cut;
        assertThatThrownBy(() -> CompressedColumns.inflate(truncated)).hasMessageContaining("compressed column");
        assertThatThrownBy(() -> CompressedColumns.inflate(new byte[] {(byte) 0x91, 1, 0}))
                .hasMessageContaining("compression method 9");
    }

    @Test
    void theTypesOfATableMapBodyAreFoundAndCompressedOnesReadAsTheirPlainTypes() {
        // as MariaDB 10.11 wrote it for sakila.comp (id INT, body TEXT, v VARCHAR(100), b BLOB; all but id COMPRESSED)
        byte[] body = {0x3b, 0x02, 0, 0, 0, 0, 0x01, 0, 0x06, 's', 'a', 'k', 'i', 'l', 'a', 0, 0x04, 'c', 'o', 'm', 'p',
            0, 0x04, 0x03, (byte) 0x8c, (byte) 0x8d, (byte) 0x8c, 0x04, 0x02, (byte) 0x91, 0x01, 0x02, 0x0e};
        CompressedColumns.Types types = CompressedColumns.Types.of(body);
        assertThat(types).isEqualTo(new CompressedColumns.Types(23, 4));
        byte[] plain = CompressedColumns.withPlainTypes(body, types);
        assertThat(java.util.Arrays.copyOfRange(plain, 23, 27)).containsExactly(0x03, 252, 15, 252);
        assertThat(body[24]).as("the body itself is left as it was").isEqualTo((byte) 0x8c);
        byte[] none = body.clone();
        none[24] = none[25] = none[26] = 0x03;
        assertThat(CompressedColumns.withPlainTypes(none, types)).isSameAs(none);
    }

    /** A value as MariaDB stores it: header (method 8, raw deflate or not, length bytes), length, stream. */
    private static byte[] stored(byte[] value, boolean raw) {
        Deflater deflater = new Deflater(6, raw);
        deflater.setInput(value);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lengthBytes = value.length < 256 ? 1 : value.length < 65536 ? 2 : 3;
        out.write(0x80 | (raw ? 0x08 : 0) | lengthBytes);
        for (int i = lengthBytes - 1; i >= 0; i--) {
            out.write(value.length >> (8 * i));
        }
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
