package io.chameleon.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The statements of {@code src/test/resources/ddl/corpus.tsv} (format in the README beside it). */
final class DdlCorpus {

    /** One corpus line; {@code expected} and {@code tables} are in the file's notation. */
    record Entry(String id, String defaultDatabase, String statement, String expected, String tables) {
        @Override
        public String toString() {
            return id + " " + expected;
        }

        /** The category alone: {@code alter_table} without its sub-commands, {@code skip:view} as is. */
        String category() {
            return expected.startsWith("alter_table:") ? "alter_table" : expected;
        }
    }

    private DdlCorpus() {
    }

    static List<Entry> entries() {
        try (InputStream in = DdlCorpus.class.getResourceAsStream("/ddl/corpus.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(DdlCorpus::entry)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry entry(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("corpus line needs 5 tab-separated fields: " + line);
        }
        return new Entry(f[0], f[1].equals("-") ? "" : f[1], unescape(f[2]), f[3], f[4]);
    }

    /** Reverses the corpus escapes: backslash, newline, tab and carriage return. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
