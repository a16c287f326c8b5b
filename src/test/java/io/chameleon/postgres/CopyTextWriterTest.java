package io.chameleon.postgres;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextWriterTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final CopyIn copyIn = (CopyIn) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CopyIn.class}, (proxy, method, args) -> switch (method.getName()) {
                case "writeToCopy" -> {
                    sent.write((byte[]) args[0], (int) args[1], (int) args[2]);
                    yield null;
                }
                case "endCopy" -> 1L;
                default -> null;
            });

    @Test
    void escapesCopyControlCharactersAndEncodesUtf8() throws SQLException {
        CopyTextWriter writer = new CopyTextWriter(copyIn, 0);

        writer.field("a\\b\tc\nd\re");
        writer.field((String) null);
        writer.field("é€😀");
        writer.hexField(new byte[] {0x00, 0x0a, (byte) 0xff});
        writer.endRow();
        writer.finish();

        assertThat(sent.toString(StandardCharsets.UTF_8))
                .isEqualTo("a\\\\b\\tc\\nd\\re\t\\N\té€😀\t\\\\x000aff\n");
    }

    @Test
    void utf8FieldsAreEscapedLikeText() throws SQLException {
        CopyTextWriter writer = new CopyTextWriter(copyIn, 0);
        String long_ = "{\"k\": \"\\\\x00é😀\"}".repeat(20_000); // spans several buffers

        writer.field("a\\b\tc\nd\re".getBytes(StandardCharsets.UTF_8));
        writer.field((byte[]) null);
        writer.field(long_.getBytes(StandardCharsets.UTF_8));
        writer.endRow();
        writer.finish();

        assertThat(sent.toString(StandardCharsets.UTF_8))
                .isEqualTo("a\\\\b\\tc\\nd\\re\t\\N\t" + long_.replace("\\", "\\\\") + "\n");
    }

    @Test
    void valuesLongerThanTheBufferArriveWhole() throws SQLException {
        CopyTextWriter writer = new CopyTextWriter(copyIn, 0);
        String text = "😀é\\x".repeat(40_000); // 360,000 bytes once escaped: several buffers of 64 KiB
        byte[] blob = new byte[100_000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }

        writer.field(text);
        writer.hexField(blob);
        writer.endRow();
        writer.finish();

        StringBuilder hex = new StringBuilder("\\\\x");
        for (byte b : blob) {
            hex.append(String.format("%02x", b));
        }
        assertThat(sent.toString(StandardCharsets.UTF_8))
                .isEqualTo(text.replace("\\", "\\\\") + "\t" + hex + "\n");
        assertThat(writer.bytesWritten()).isEqualTo(sent.size());
    }
}
