package io.chameleon.schema;

/**
 * Checks text bytes that are already UTF-8, so that the live stream can copy them into a row image as they are
 * instead of decoding them to a String and encoding them again. Accepts exactly what the strict UTF-8 decoder of
 * {@link StrictText} accepts (no overlong forms, no surrogates, nothing above U+10FFFF), minus NUL.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    public static boolean isValidWithoutNul(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return false;
                }
                i++;
            } else if (c < 0xC2) {
                return false; // a continuation byte, or the lead of an overlong 2-byte form
            } else if (c < 0xE0) {
                if (i + 1 >= n || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                int second = b[i + 1] & 0xFF;
                if (c == 0xE0 && second < 0xA0 || c == 0xED && second > 0x9F) {
                    return false; // overlong 3-byte form, or a UTF-16 surrogate
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= n || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                int second = b[i + 1] & 0xFF;
                if (c == 0xF0 && second < 0x90 || c == 0xF4 && second > 0x8F) {
                    return false; // overlong 4-byte form, or above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
