package io.chameleon.copy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Printable forms of a source row, for discarded-row records and error messages. */
final class RowImage {

    private RowImage() {
    }

    /** The row as a JSON object of column to value; bytes that are not UTF-8 text are written as {@code \x} hex. */
    static String of(ResultSet rs, SourceTable table) throws SQLException {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        List<SourceColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            byte[] raw = rs.getBytes(i + 1);
            row.put(columns.get(i).name(), raw == null ? null : printable(raw));
        }
        return row.toString();
    }

    /** The row's key as {@code col=value, ...}, or its first column when the table has no key. */
    static String keyOf(ResultSet rs, SourceTable table) throws SQLException {
        List<String> key = table.replicaKey().orElse(List.of(table.columns().get(0).name()));
        StringBuilder text = new StringBuilder();
        for (String name : key) {
            int index = indexOf(table, name);
            byte[] raw = rs.getBytes(index + 1);
            text.append(text.length() == 0 ? "" : ", ").append(name).append('=')
                    .append(raw == null ? "NULL" : printable(raw));
        }
        return text.toString();
    }

    static String printable(byte[] raw) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            boolean control = text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r');
            return control ? "\\x" + HexFormat.of().formatHex(raw) : text;
        } catch (CharacterCodingException e) {
            return "\\x" + HexFormat.of().formatHex(raw);
        }
    }

    private static int indexOf(SourceTable table, String column) {
        List<String> names = table.columns().stream().map(SourceColumn::name).collect(Collectors.toList());
        return names.indexOf(column);
    }
}
