package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;

import java.util.ArrayList;
import java.util.List;

/**
 * SET (text[]): MySQL gives the members comma-separated in declaration order ({@code a,c}); the result is a
 * PostgreSQL array literal with every element quoted ({@code {"a","c"}}). Members are matched against the
 * declared labels rather than split on commas, so a label that contains a comma survives.
 */
public record SetCodec(String column, SourceCharset charset, List<String> labels) implements ValueCodec {

    public SetCodec {
        labels = List.copyOf(labels);
    }

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String text = StrictText.decode(column, charset, raw);
        List<String> members = members(text);
        if (members == null) {
            throw new BadValueException(BadValueReason.OUT_OF_RANGE, column, raw, "not members of the set");
        }
        return arrayLiteral(members);
    }

    /** The members in declaration order, or null when the text is not made of declared labels. */
    private List<String> members(String text) {
        List<String> members = new ArrayList<>();
        int at = 0;
        for (String label : labels) {
            if (at >= text.length()) {
                break;
            }
            int end = at + label.length();
            if (text.startsWith(label, at) && (end == text.length() || text.charAt(end) == ',')) {
                members.add(label);
                at = end == text.length() ? end : end + 1;
            }
        }
        return String.join(",", members).equals(text) ? members : null;
    }

    static String arrayLiteral(List<String> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(elements.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }
}
