package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the labels of {@code enum('a','it''s')} / {@code set(...)} column types, quotes doubled inside labels. */
final class ColumnTypeLabels {

    private ColumnTypeLabels() {
    }

    /** Read once per column type: the binlog path asks for an enum's labels for every value it converts. */
    private static final Map<String, List<String>> PARSED = new ConcurrentHashMap<>();

    static List<String> parse(String columnType) {
        return PARSED.computeIfAbsent(columnType, ColumnTypeLabels::read);
    }

    private static List<String> read(String columnType) {
        int open = columnType.indexOf('(');
        int close = columnType.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not an enum or set column type: " + columnType);
        }
        String body = columnType.substring(open + 1, close);
        List<String> labels = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) != '\'') {
                i++; // the comma (and any space) between labels
                continue;
            }
            StringBuilder label = new StringBuilder();
            i++;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else if (c == '\\' && i + 1 < body.length()) {
                    label.append(body.charAt(i + 1));
                    i += 2;
                } else {
                    label.append(c);
                    i++;
                }
            }
            labels.add(label.toString());
        }
        return List.copyOf(labels);
    }
}
