package io.chameleon.schema;

import io.chameleon.postgres.PgIdentifiers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL statements replaying a MySQL schema change on a replicated table, all runnable inside one
 * transaction with the rows around them (so no {@code ALTER TYPE ... ADD VALUE}, no {@code CONCURRENTLY}). Every
 * object lives in {@link PgTable#schema()}.
 */
public final class SchemaChangeDdl {

    /** How a name PgNames cut ends; the cut leaves 60 to 63 bytes. */
    private static final Pattern CUT_NAME = Pattern.compile(".*_[0-9a-f]{8}");

    private SchemaChangeDdl() {
    }

    /** Enum types, the table, its primary key and indexes: a table created by DDL on the source (empty table). */
    public static List<String> create(PgTable table) {
        String schema = table.schema();
        List<String> statements = new ArrayList<>(TableDdl.createTypes(table, schema));
        statements.add(TableDdl.createTable(table, schema, null));
        TableDdl.primaryKey(table, schema).ifPresent(statements::add);
        statements.addAll(TableDdl.indexes(table, schema));
        return statements;
    }

    /** DROP TABLE IF EXISTS and the table's enum types. */
    public static List<String> drop(PgTable table) {
        List<String> statements = new ArrayList<>();
        statements.add("DROP TABLE IF EXISTS " + PgIdentifiers.qualified(table.schema(), table.name()));
        table.enumTypes().forEach(type ->
                statements.add("DROP TYPE IF EXISTS " + PgIdentifiers.qualified(table.schema(), type.name())));
        return statements;
    }

    /**
     * Renames (and moves, when the schema differs) a table; its enum types move with it and are renamed to the
     * names PgNames gives the new table, and so are its primary key and indexes, so that the table looks exactly as
     * if it had been created under the new name (later changes find their objects by those names). An index name
     * PgNames had to cut (ending in a hash) cannot be traced back to its MySQL name and keeps its old name; use
     * {@link #rename(PgTable, PgTable)} to rename those too.
     */
    public static List<String> rename(PgTable from, String toSchema, String toName) {
        List<PgColumn> columns = from.columns().stream()
                .map(column -> column.enumType() == null ? column : withEnumType(column,
                        new PgEnumType(PgNames.enumType(toName, column.name()), column.enumType().labels())))
                .toList();
        List<PgIndex> indexes = from.indexes().stream()
                .map(index -> new PgIndex(mysqlIndexName(from.name(), index.name())
                        .map(mysqlName -> PgNames.index(toName, mysqlName)).orElse(index.name()),
                        index.unique(), index.columns()))
                .toList();
        return rename(from, new PgTable(toSchema, toName, columns, from.primaryKey(), from.keyColumns(), indexes,
                from.notes()));
    }

    /**
     * Renames {@code from} into {@code to}: the same table (columns, keys, indexes in the same order) mapped under
     * its new schema and name, whose enum type, primary key and index names are the ones to end up with.
     */
    public static List<String> rename(PgTable from, PgTable to) {
        if (from.columns().size() != to.columns().size() || from.indexes().size() != to.indexes().size()) {
            throw new IllegalArgumentException("rename of " + from.name() + " to " + to.name()
                    + " changes its structure");
        }
        List<String> statements = new ArrayList<>(moveAndRename("TABLE", from.schema(), from.name(), to.schema(),
                to.name()));
        for (int i = 0; i < from.columns().size(); i++) {
            PgEnumType type = from.columns().get(i).enumType();
            if (type != null) {
                statements.addAll(moveAndRename("TYPE", from.schema(), type.name(), to.schema(),
                        to.columns().get(i).enumType().name()));
            }
        }
        String oldKey = PgNames.primaryKey(from.name());
        String newKey = PgNames.primaryKey(to.name());
        if (!from.primaryKey().isEmpty() && !oldKey.equals(newKey)) {
            statements.add("ALTER TABLE " + PgIdentifiers.qualified(to.schema(), to.name()) + " RENAME CONSTRAINT "
                    + PgIdentifiers.quote(oldKey) + " TO " + PgIdentifiers.quote(newKey));
        }
        for (int i = 0; i < from.indexes().size(); i++) {
            String oldName = from.indexes().get(i).name();
            String newName = to.indexes().get(i).name();
            if (!oldName.equals(newName)) { // indexes follow their table into its new schema
                statements.add("ALTER INDEX " + PgIdentifiers.qualified(to.schema(), oldName) + " RENAME TO "
                        + PgIdentifiers.quote(newName));
            }
        }
        return statements;
    }

    /**
     * Statements turning {@code before} into {@code after} (same schema and table name); see
     * {@link TableAlteration} for what is handled and how.
     *
     * @param renamedColumns old to new column names
     */
    public static List<String> alter(PgTable before, PgTable after, Map<String, String> renamedColumns) {
        return new TableAlteration(before, after, renamedColumns).statements();
    }

    /**
     * Moving and renaming at once goes through a temporary name: the new schema may hold the old name and the
     * old schema the new name (MySQL only guarantees the final name is free).
     */
    private static List<String> moveAndRename(String kind, String fromSchema, String fromName, String toSchema,
                                              String toName) {
        String alter = "ALTER " + kind + " ";
        if (fromSchema.equals(toSchema)) {
            return fromName.equals(toName) ? List.of()
                    : List.of(alter + PgIdentifiers.qualified(fromSchema, fromName) + " RENAME TO "
                            + PgIdentifiers.quote(toName));
        }
        if (fromName.equals(toName)) {
            return List.of(alter + PgIdentifiers.qualified(fromSchema, fromName) + " SET SCHEMA "
                    + PgIdentifiers.quote(toSchema));
        }
        String temporary = temporaryName(toName);
        return List.of(
                alter + PgIdentifiers.qualified(fromSchema, fromName) + " RENAME TO " + PgIdentifiers.quote(temporary),
                alter + PgIdentifiers.qualified(fromSchema, temporary) + " SET SCHEMA " + PgIdentifiers.quote(toSchema),
                alter + PgIdentifiers.qualified(toSchema, temporary) + " RENAME TO " + PgIdentifiers.quote(toName));
    }

    /** A name no table, type or index of ours takes, for the moment between two renames. */
    static String temporaryName(String name) {
        return PgNames.fit("_tmp_" + name);
    }

    /** The MySQL index name {@link PgNames#index} was given, when the PostgreSQL name still shows it whole. */
    private static Optional<String> mysqlIndexName(String table, String pgName) {
        String prefix = table + "_";
        boolean maybeCut = pgName.getBytes(StandardCharsets.UTF_8).length > PgNames.MAX_BYTES - 4
                && CUT_NAME.matcher(pgName).matches();
        if (maybeCut || !pgName.startsWith(prefix)) {
            return Optional.empty();
        }
        String mysqlName = pgName.substring(prefix.length());
        return PgNames.index(table, mysqlName).equals(pgName) ? Optional.of(mysqlName) : Optional.empty();
    }

    private static PgColumn withEnumType(PgColumn column, PgEnumType type) {
        return new PgColumn(column.name(), PgIdentifiers.quote(type.name()), type, column.notNull(),
                column.defaultSql(), column.identity(), column.codec(), column.notes());
    }
}
