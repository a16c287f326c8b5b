package io.chameleon.catalogue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's tables are read and written by {@code io.chameleon.catalogue} only: a string literal outside it that
 * names a catalogue table in SQL (after FROM, INTO, UPDATE, JOIN, TABLE or USING) or passes one as a name (a literal
 * that is just the table's name, as given to {@code qualified(schema, "change_log")}) is a statement owned by the
 * wrong package. The tables are those the catalogue migrations create, so a new table is covered as it comes.
 */
class CatalogueSqlOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CATALOGUE_SOURCES = SOURCES.resolve("io/chameleon/catalogue");
    private static final Path MIGRATIONS = Path.of("src/main/resources/catalogue");
    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE TABLE \\$\\{catalogue}\\.(\\w+)");
    /**
     * Names a literal may hold for another purpose (a JSON field of the health checks is called "source"): those
     * count as a table only as the last argument of a call, as in {@code qualified(schema, "source")}.
     */
    private static final Set<String> COMMON_WORDS = Set.of("source");

    @Test
    void noCatalogueTableIsNamedInSqlOutsideTheCatalogPackage() throws IOException {
        Set<String> tables = catalogueTables();
        assertThat(tables).contains("change_log", "log_batch", "read_position", "replay_error", "replay_progress",
                "replicated_table", "schema_history", "discarded_row", "row_layout", "source");
        Pattern inSql = Pattern.compile("\\b(FROM|INTO|UPDATE|JOIN|TABLE|USING)\\s+(\\S+\\.)?\"?("
                + String.join("|", tables) + ")\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(CATALOGUE_SOURCES)).sorted()
                    .forEach(file -> {
                        for (Literal literal : literals(read(file))) {
                            if (namesTable(literal, tables, inSql)) {
                                found.add(SOURCES.relativize(file) + ":" + literal.line() + " \"" + literal.text()
                                        + "\"");
                            }
                        }
                    });
        }
        assertThat(found).as("catalogue SQL outside io.chameleon.catalogue: move the statement into a catalogue"
                + " repository and call that").isEmpty();
    }

    @Test
    void findsCatalogueTablesInSqlAndAsNamesButNotInComments() {
        Set<String> tables = Set.of("change_log", "source");
        String code = """
                // SELECT * FROM change_log in a comment
                /* "change_log" in a block comment */
                String a = "DELETE FROM " + table("change_log") + " WHERE x";
                String b = "SELECT 1 FROM cat.source s";
                String c = "copy from the source database";
                String d = "SAVEPOINT change_log";
                response.withData("source", name);
                String e = "UPDATE " + qualified(schema, "source" ) + " SET x = 1";
                """;
        Pattern inSql = Pattern.compile("\\b(FROM|INTO|UPDATE|JOIN|TABLE|USING)\\s+(\\S+\\.)?\"?("
                + String.join("|", tables) + ")\\b");
        List<String> flagged = literals(code).stream().filter(l -> namesTable(l, tables, inSql)).map(Literal::text)
                .toList();
        assertThat(flagged).containsExactly("change_log", "SELECT 1 FROM cat.source s", "source");
    }

    private static boolean namesTable(Literal literal, Set<String> tables, Pattern inSql) {
        boolean asName = tables.contains(literal.text())
                && (!COMMON_WORDS.contains(literal.text()) || literal.followedBy() == ')');
        return asName || inSql.matcher(literal.text()).find();
    }

    private static Set<String> catalogueTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATED_TABLE.matcher(read(file));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            }
        }
        return tables;
    }

    /** A literal, its line and the first character after it that is not a space (0 at the end). */
    private record Literal(int line, String text, char followedBy) {
    }

    /** The string literals (and text blocks) of Java source, skipping comments and char literals. */
    private static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(new Literal(line, source.substring(i + 3, end), next(source, end + 3)));
                line += count(source, i, end);
                i = Math.min(source.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < source.length()) {
                        text.append(source.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(source.charAt(j++));
                    }
                }
                if (c == '"') {
                    literals.add(new Literal(line, text.toString(), next(source, j + 1)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static char next(String source, int from) {
        for (int i = from; i < source.length(); i++) {
            if (!Character.isWhitespace(source.charAt(i))) {
                return source.charAt(i);
            }
        }
        return 0;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
