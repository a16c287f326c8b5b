package io.chameleon.capture.values;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Change-log images written independently of {@link RowImageEncoder}: text[] in PostgreSQL's binary array format. */
public final class TextArrayImage {

    private TextArrayImage() {
    }

    /** The values (null for SQL NULL) as a one-dimensional text array. */
    public static byte[] of(String... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean nulls = false;
            for (String value : values) {
                nulls |= value == null;
            }
            out.writeInt(1);
            out.writeInt(nulls ? 1 : 0);
            out.writeInt(25);
            out.writeInt(values.length);
            out.writeInt(1);
            for (String value : values) {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    byte[] text = value.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The values of a binary text array (checking its header: one dimension from 1, text elements, null flag). */
    public static List<String> parse(byte[] image) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            int dimensions = in.readInt();
            int hasNulls = in.readInt();
            if (in.readInt() != 25) {
                throw new IllegalArgumentException("not a text array");
            }
            List<String> values = new ArrayList<>();
            if (dimensions == 0) {
                return values;
            }
            int count = in.readInt();
            if (dimensions != 1 || in.readInt() != 1) {
                throw new IllegalArgumentException("not a one-dimensional array from 1");
            }
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                values.add(length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            if (in.available() > 0 || (hasNulls == 1) != values.contains(null)) {
                throw new IllegalArgumentException("trailing bytes or a wrong null flag");
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
