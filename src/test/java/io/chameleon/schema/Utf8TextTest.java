package io.chameleon.schema;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast check agrees with the JDK's strict UTF-8 decoder (plus the NUL rule) on every input tried. */
class Utf8TextTest {

    @Test
    void agreesWithTheStrictDecoderOnEdgeCases() {
        byte[][] cases = {
            {}, "plain".getBytes(StandardCharsets.UTF_8), "é€😀 ü".getBytes(StandardCharsets.UTF_8),
            {0x61, 0x00, 0x62}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xC2, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {0x61, (byte) 0xC3},
        };
        for (byte[] bytes : cases) {
            assertThat(Utf8Text.isValidWithoutNul(bytes)).as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(strictlyValidWithoutNul(bytes));
        }
    }

    @Test
    void agreesWithTheStrictDecoderOnRandomBytes() {
        Random random = new Random(20261122);
        byte[] alphabet = {0x00, 0x41, 0x7F, (byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 0xC0,
            (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5,
            (byte) 0xFF, (byte) 0x8F, (byte) 0x90};
        for (int run = 0; run < 200_000; run++) {
            byte[] bytes = new byte[random.nextInt(7)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(Utf8Text.isValidWithoutNul(bytes)).as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(strictlyValidWithoutNul(bytes));
        }
    }

    private static boolean strictlyValidWithoutNul(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
