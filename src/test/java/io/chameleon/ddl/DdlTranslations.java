package io.chameleon.ddl;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The PostgreSQL the reader logs for each corpus statement, applied to the fixture tables of
 * {@code fixture-tables.sql} (after the entry's own preparation from {@code fixture-setup.tsv}, if any). Every
 * database the corpus or the fixture names is mapped to the PostgreSQL schema of the same name. The translation is
 * the reader's own: {@link DdlTranslator}.
 */
final class DdlTranslations {

    static final String NO_CHANGE = "no change";
    static final String SEPARATOR = " ;; ";
    private static final String[] DEFAULTS = {"utf8mb4", "utf8mb4_general_ci"};

    /** What one statement comes to. {@code statements} is empty unless it was translated. */
    record Outcome(String text, List<String> statements) {
        static Outcome of(String text) {
            return new Outcome(text, List.of());
        }

        boolean translated() {
            return !statements.isEmpty();
        }
    }

    private final DdlTranslator translator =
            new DdlTranslator(new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT)));
    private final Map<TableName, SourceTable> fixture;
    private final Map<String, String> setup = load("/ddl/fixture-setup.tsv");

    DdlTranslations() {
        Map<TableName, SourceTable> model = new LinkedHashMap<>();
        for (String statement : fixtureStatements()) {
            Outcome outcome = translate(model, "shop", statement);
            if (!outcome.translated()) {
                throw new IllegalStateException("fixture statement not translated (" + outcome.text() + "): "
                        + statement);
            }
        }
        this.fixture = Map.copyOf(model);
    }

    /** The fixture tables, as the model has them. */
    List<SourceTable> fixtureTables() {
        return fixture.values().stream().sorted(java.util.Comparator.comparing(SourceTable::qualifiedName))
                .toList();
    }

    /** The CREATE statements of the fixture tables, in their schemas. */
    List<String> fixtureCreation() {
        return fixtureTables().stream().flatMap(table -> translator.creation(table, table.schema()).stream())
                .toList();
    }

    /** The schemas to create: every database the corpus or fixture names. */
    static List<String> schemas(List<DdlCorpus.Entry> corpus, List<SourceTable> fixtureTables) {
        TreeSet<String> schemas = new TreeSet<>();
        fixtureTables.forEach(table -> schemas.add(table.schema()));
        DdlClassifier classifier = new DdlClassifier();
        for (DdlCorpus.Entry entry : corpus) {
            if (!entry.defaultDatabase().isEmpty()) {
                schemas.add(entry.defaultDatabase());
            }
            if (classifier.classify(entry.defaultDatabase(), entry.statement())
                    instanceof DdlClassification.TableDdl ddl) {
                ddl.tables().forEach(table -> schemas.add(table.database()));
            }
        }
        return List.copyOf(schemas);
    }

    /** The preparation statement of an entry, when the fixture needs one for the entry to be valid. */
    Optional<String> setup(String id) {
        return Optional.ofNullable(setup.get(id));
    }

    /** The preparation translated against the fixture: what to run in PostgreSQL before the entry. */
    List<String> setupStatements(String id) {
        return setup(id).map(sql -> {
            Outcome outcome = translate(new LinkedHashMap<>(fixture), "shop", sql);
            if (!outcome.translated() && !outcome.text().equals(NO_CHANGE)) {
                throw new IllegalStateException("setup of " + id + " not applied (" + outcome.text() + ")");
            }
            return outcome.statements();
        }).orElse(List.of());
    }

    /** The entry applied to a fresh copy of the fixture, after its preparation. */
    Outcome translate(DdlCorpus.Entry entry) {
        Map<TableName, SourceTable> model = new LinkedHashMap<>(fixture);
        setup(entry.id()).ifPresent(sql -> translate(model, "shop", sql));
        return translate(model, entry.defaultDatabase(), entry.statement());
    }

    /** One statement as the reader handles it; {@code model} is updated as the reader updates its tables. */
    private Outcome translate(Map<TableName, SourceTable> model, String database, String sql) {
        DdlTranslation translation = translator.translate(database, sql, replica(model));
        if (translation instanceof DdlTranslation.Skipped skipped) {
            return Outcome.of("skip: " + skipped.reason());
        } else if (translation instanceof DdlTranslation.Unparsed) {
            return Outcome.of("unparseable");
        } else if (translation instanceof DdlTranslation.Untranslatable untranslatable) {
            return Outcome.of(untranslatable.parserMessage() != null ? "unparseable"
                    : "untranslatable: " + untranslatable.reason());
        } else if (translation instanceof DdlTranslation.Failed failed) {
            throw new IllegalStateException("translation failed: " + sql, failed.failure());
        }
        DdlTranslation.Translated translated = (DdlTranslation.Translated) translation;
        translated.structures().forEach((name, table) -> {
            if (table.isPresent()) {
                model.put(name, table.get());
            } else {
                model.remove(name);
            }
        });
        List<String> statements = translated.changes().stream()
                .flatMap(change -> change.statements().stream()).toList();
        return statements.isEmpty() ? Outcome.of(NO_CHANGE)
                : new Outcome(statements.stream().map(DdlTranslations::escape)
                        .collect(Collectors.joining(SEPARATOR)), statements);
    }

    /** The model as the replica: every database mapped to the schema of its name, every table replicated. */
    private static DdlTranslator.Replica replica(Map<TableName, SourceTable> model) {
        return new DdlTranslator.Replica() {
            @Override
            public Optional<DdlTranslator.ReplicaTable> find(TableName table) {
                return Optional.ofNullable(model.get(table))
                        .map(known -> new DdlTranslator.ReplicaTable(known, known.schema()));
            }

            @Override
            public String[] databaseDefaults(String database) {
                return DEFAULTS;
            }

            @Override
            public boolean mapped(String database) {
                return true;
            }

            @Override
            public Optional<String> destination(TableName table) {
                return Optional.of(table.database());
            }
        };
    }

    /** {@code fixture-tables.sql}: statements ending with ';' at the end of a line; '--' lines are comments. */
    private static List<String> fixtureStatements() {
        String text = read("/ddl/fixture-tables.sql").lines().filter(line -> !line.stripLeading().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return java.util.Arrays.stream(text.split(";\\s*(\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** A tab-separated file of id and one more field ('#' lines are comments), the field unescaped. */
    static Map<String, String> load(String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        loadRaw(resource).forEach((id, field) -> map.put(id, DdlCorpus.unescape(field)));
        return map;
    }

    /** A tab-separated file of id and the rest of the line, as written. */
    static Map<String, String> loadRaw(String resource) {
        return loadRaw(read(resource), resource);
    }

    static Map<String, String> loadRaw(java.nio.file.Path file) throws IOException {
        return loadRaw(java.nio.file.Files.readString(file), file.toString());
    }

    private static Map<String, String> loadRaw(String text, String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            String[] f = line.split("\t", 2);
            if (f.length != 2 || map.put(f[0], f[1]) != null) {
                throw new IllegalArgumentException(resource + ": bad or repeated line: " + line);
            }
        });
        return map;
    }

    static String read(String resource) {
        try (InputStream in = DdlTranslations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As in corpus.tsv: backslash, newline, tab and carriage return escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

}
