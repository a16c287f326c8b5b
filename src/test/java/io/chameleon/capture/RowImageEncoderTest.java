package io.chameleon.capture;

import io.chameleon.schema.BytesCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The row image's shortcut for blobs writes exactly the text BytesCodec gives the copy. */
class RowImageEncoderTest {

    @Test
    void blobHexIsTheCodecsText() {
        Random random = new Random(7);
        BytesCodec codec = new BytesCodec("b");
        for (int run = 0; run < 1000; run++) {
            byte[] value = new byte[random.nextInt(300)];
            random.nextBytes(value);
            assertThat(new String(RowImageEncoder.byteaHex(value), StandardCharsets.US_ASCII))
                    .isEqualTo(codec.fromText(value));
        }
    }
}
