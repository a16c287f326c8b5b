package io.chameleon.ddl;

import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.TableMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DDL replication's translation, without the catalogue: a binlog query event is prepared and parsed once,
 * classified, applied to the replica's table models, and each change turned into PostgreSQL statements through
 * the type map of {@code schema}. A failure of the parser or of our own code on one statement is contained as an
 * untranslatable statement: it must never stop the reader, nor make it retry the same event for ever.
 */
public final class DdlTranslator {

    /** A table the replica knows: its source structure and the PostgreSQL schema it replicates into. */
    public record ReplicaTable(SourceTable structure, String destination) {
    }

    /** What the translator needs to know of the replica, at the statement's point of the stream. */
    public interface Replica {
        /** A known table, empty when the replica does not know it (not replicated, or does not exist). */
        Optional<ReplicaTable> find(TableName table);

        /** The default character set and collation of a database, e.g. ["utf8mb4", "utf8mb4_general_ci"]. */
        String[] databaseDefaults(String database);

        /** Whether the source database is mapped to a PostgreSQL schema. */
        boolean mapped(String database);

        /** The schema a table made under that name replicates into; empty when it would not be replicated. */
        Optional<String> destination(TableName table);

        /** Whether this statement is already in the copied structure of that known table (its copy is later). */
        default boolean inCopy(TableName table) {
            return false;
        }
    }

    private final DdlClassifier classifier = new DdlClassifier();
    private final SchemaEvolution evolution = new SchemaEvolution();
    private final SchemaChangeStatements statements;

    public DdlTranslator(TableMapper mapper) {
        this.statements = new SchemaChangeStatements(mapper);
    }

    /**
     * The creation in PostgreSQL of a table whose structure came from elsewhere than a statement (the source's
     * catalogue, for a CREATE the translator could not translate).
     */
    public List<String> creation(SourceTable table, String destination) {
        return statements.created(table, destination);
    }

    /** @param defaultDatabase the session's database recorded in the query event (null or empty when none) */
    public DdlTranslation translate(String defaultDatabase, String sql, Replica replica) {
        Plan planned;
        try {
            planned = plan(defaultDatabase, sql, replica);
        } catch (RuntimeException | LinkageError e) {
            Optional<TableHead> head = TableHead.of(defaultDatabase, sql);
            return untranslatable(replica, head.map(h -> List.of(h.table())).orElse(List.of()),
                    head.filter(TableHead::creates).map(h -> List.of(h.table())).orElse(List.of()),
                    "the statement could not be handled (" + e.getClass().getName() + ": " + e.getMessage() + ")",
                    null, e);
        }
        if (planned.decided() != null) {
            return planned.decided();
        }
        try {
            return translated(planned.changes(), replica);
        } catch (RuntimeException | LinkageError e) {
            return new DdlTranslation.Failed(planned.changes(), e);
        }
    }

    /** Either what became of the statement, or the changes it makes, before their PostgreSQL statements. */
    private record Plan(DdlTranslation decided, List<TableChange> changes) {
        Plan(DdlTranslation decided) {
            this(decided, List.of());
        }
    }

    private Plan plan(String defaultDatabase, String sql, Replica replica) {
        ParsedDdl parsed = ParsedDdl.parse(defaultDatabase, sql);
        DdlClassification classification = classifier.classify(parsed);
        if (classification instanceof DdlClassification.Skip skip) {
            return new Plan(new DdlTranslation.Skipped(skip.reason().label()));
        }
        SchemaEvolution.Structures structures = SchemaChangeStatements.structures(
                table -> replica.find(table).map(ReplicaTable::structure), replica::databaseDefaults);
        if (classification instanceof DdlClassification.Unparseable unparseable) {
            return new Plan(unparsed(parsed, unparseable.message(), structures, replica, defaultDatabase, sql));
        }
        DdlClassification.TableDdl ddl = (DdlClassification.TableDdl) classification;
        if (ddl.tables().stream().noneMatch(table -> table.database() != null && replica.mapped(table.database()))) {
            return new Plan(new DdlTranslation.Skipped("unmapped_schema"));
        }
        try {
            List<TableChange> changes = evolution.apply(parsed, structures);
            return new Plan(null, changes.stream().filter(change -> !inCopy(change, replica)).toList());
        } catch (UntranslatableDdl e) {
            List<TableName> created = ddl.kind() == DdlKind.CREATE_TABLE ? ddl.tables().subList(0, 1) : List.of();
            return new Plan(untranslatable(replica, ddl.tables(), created, e.getMessage(), null, null));
        }
    }

    /**
     * Text the grammar rejects may still change a table the replica knows, or create one in a replicated schema
     * (its head names it): a known table's structure is then unknown, so it is untranslatable for that table; a
     * new one is to be built from elsewhere.
     */
    private DdlTranslation unparsed(ParsedDdl parsed, String message, SchemaEvolution.Structures structures,
                                    Replica replica, String defaultDatabase, String sql) {
        try {
            evolution.apply(parsed, structures);
            return new DdlTranslation.Unparsed(message);
        } catch (UntranslatableDdl e) {
            List<TableName> named = e.table().map(List::of).orElse(List.of());
            boolean creates = TableHead.of(defaultDatabase, sql).filter(TableHead::creates).isPresent();
            return untranslatable(replica, named, creates ? named : List.of(), e.getMessage(), message, null);
        }
    }

    private static DdlTranslation.Untranslatable untranslatable(Replica replica, List<TableName> named,
                                                                List<TableName> created, String reason,
                                                                String parserMessage, Throwable failure) {
        List<TableName> known = named.stream().filter(table -> replica.find(table).isPresent()).distinct().toList();
        List<TableName> unbuilt = created.stream().filter(table -> replica.find(table).isEmpty())
                .filter(table -> replica.destination(table).isPresent()).toList();
        return new DdlTranslation.Untranslatable(reason, named, known, unbuilt, parserMessage, failure);
    }

    private static boolean inCopy(TableChange change, Replica replica) {
        TableName name = change instanceof TableChange.Altered altered
                ? new TableName(altered.before().schema(), altered.before().name())
                : change instanceof TableChange.Renamed renamed ? renamed.from()
                : change instanceof TableChange.Dropped dropped ? dropped.table() : null;
        return name != null && replica.inCopy(name);
    }

    /**
     * Each change in turn as the replica follows it: a change to a table the replica does not know (or no longer
     * knows, after an earlier change of the statement) has no statements; a table renamed out of the replica is
     * dropped from it.
     */
    private DdlTranslation.Translated translated(List<TableChange> changes, Replica replica) {
        Map<TableName, Optional<ReplicaTable>> after = new LinkedHashMap<>();
        List<DdlTranslation.Change> translated = new ArrayList<>();
        for (TableChange change : changes) {
            List<String> sql = List.of();
            if (change instanceof TableChange.Created created) {
                TableName name = new TableName(created.table().schema(), created.table().name());
                Optional<String> destination = replica.destination(name);
                if (destination.isPresent()) {
                    sql = statements.created(created.table(), destination.get());
                    after.put(name, Optional.of(new ReplicaTable(created.table(), destination.get())));
                }
            } else if (change instanceof TableChange.Dropped dropped) {
                Optional<ReplicaTable> known = find(after, replica, dropped.table());
                if (known.isPresent()) {
                    sql = statements.dropped(known.get().structure(), known.get().destination());
                    after.put(dropped.table(), Optional.empty());
                }
            } else if (change instanceof TableChange.Renamed renamed) {
                Optional<ReplicaTable> known = find(after, replica, renamed.from());
                if (known.isPresent()) {
                    after.put(renamed.from(), Optional.empty());
                    sql = renamed(known.get(), renamed.to(), replica, after);
                }
            } else if (change instanceof TableChange.Altered altered) {
                TableName name = new TableName(altered.before().schema(), altered.before().name());
                Optional<ReplicaTable> known = find(after, replica, name);
                if (known.isPresent()) {
                    sql = statements.altered(known.get().structure(), known.get().destination(), altered.after(),
                            altered.renamedColumns());
                    after.put(name, Optional.of(new ReplicaTable(altered.after(), known.get().destination())));
                }
            }
            translated.add(new DdlTranslation.Change(change, sql));
        }
        Map<TableName, Optional<SourceTable>> structures = new LinkedHashMap<>();
        after.forEach((name, table) -> structures.put(name, table.map(ReplicaTable::structure)));
        return new DdlTranslation.Translated(translated, structures);
    }

    private List<String> renamed(ReplicaTable known, TableName to, Replica replica,
                                 Map<TableName, Optional<ReplicaTable>> after) {
        Optional<String> destination = replica.destination(to);
        if (destination.isEmpty()) {
            return statements.dropped(known.structure(), known.destination()); // it leaves the replica
        }
        SourceTable moved = SchemaChangeStatements.moved(known.structure(), to);
        after.put(to, Optional.of(new ReplicaTable(moved, destination.get())));
        return statements.renamed(known.structure(), known.destination(), moved, destination.get());
    }

    private static Optional<ReplicaTable> find(Map<TableName, Optional<ReplicaTable>> after, Replica replica,
                                               TableName table) {
        Optional<ReplicaTable> local = after.get(table);
        return local != null ? local : replica.find(table);
    }
}
