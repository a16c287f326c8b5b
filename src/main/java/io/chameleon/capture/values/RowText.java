package io.chameleon.capture.values;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A printable form of a binlog row for discarded-row records: values in order, bytes as UTF-8 text or hex. */
public final class RowText {

    private RowText() {
    }

    public static String of(Serializable[] row) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < row.length; i++) {
            text.append(i == 0 ? "" : ", ");
            Serializable value = row[i];
            if (value instanceof byte[] bytes) {
                String decoded = new String(bytes, StandardCharsets.UTF_8);
                text.append(decoded.contains("\uFFFD") || decoded.indexOf('\0') >= 0
                        ? "\\x" + HexFormat.of().formatHex(bytes) : decoded);
            } else {
                text.append(value);
            }
        }
        return text.append(']').toString();
    }
}
