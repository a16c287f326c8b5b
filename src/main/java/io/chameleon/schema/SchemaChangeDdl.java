package io.chameleon.schema;

import io.chameleon.postgres.PgIdentifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL statements replaying a MySQL schema change on a replicated table, all runnable inside one
 * transaction with the rows around them (so no {@code ALTER TYPE ... ADD VALUE}, no {@code CONCURRENTLY}). Every
 * object lives in {@link PgTable#schema()}.
 */
public final class SchemaChangeDdl {

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
     * Renames {@code from} into {@code to}: the same table (columns, keys, indexes in the same order) mapped under
     * its new schema and name, whose enum type, primary key and index names are the ones to end up with.
     */
    public static List<String> rename(PgTable from, PgTable to) {
        if (from.columns().size() != to.columns().size() || from.indexes().size() != to.indexes().size()) {
            throw new IllegalArgumentException("rename of " + from.name() + " to " + to.name()
                    + " changes its structure");
        }
        List<NamedObject> objects = new ArrayList<>();
        objects.add(new NamedObject("TABLE", from.name(), to.name()));
        if (!from.primaryKey().isEmpty()) { // renaming the index renames its constraint too
            objects.add(new NamedObject("INDEX", PgNames.primaryKey(from.name()), PgNames.primaryKey(to.name())));
        }
        for (int i = 0; i < from.indexes().size(); i++) {
            objects.add(new NamedObject("INDEX", from.indexes().get(i).name(), to.indexes().get(i).name()));
        }
        for (int i = 0; i < from.columns().size(); i++) {
            PgEnumType type = from.columns().get(i).enumType();
            if (type != null) {
                objects.add(new NamedObject("TYPE", type.name(), to.columns().get(i).enumType().name()));
            }
        }
        List<String> statements = new ArrayList<>();
        if (from.schema().equals(to.schema())) {
            objects.stream().filter(NamedObject::renamed)
                    .forEach(object -> statements.add(object.rename(from.schema(), object.from(), object.to())));
            if (!from.name().equals(to.name())) {
                statements.addAll(renameSequences(to, to.schema(), to.name(), name -> name));
            }
            return statements;
        }
        // Moving and renaming at once goes through temporary names: the new schema may hold the old names and the
        // old schema the new ones (MySQL only guarantees that the new table name is free)
        objects.stream().filter(NamedObject::renamed).forEach(object ->
                statements.add(object.rename(from.schema(), object.from(), temporaryName(object.to()))));
        boolean renamed = !from.name().equals(to.name());
        if (renamed) {
            statements.addAll(renameSequences(to, from.schema(), temporaryName(to.name()),
                    SchemaChangeDdl::temporaryName));
        }
        objects.stream().filter(object -> !object.kind().equals("INDEX")) // indexes follow their table
                .forEach(object -> statements.add("ALTER " + object.kind() + " "
                        + PgIdentifiers.qualified(from.schema(), object.renamed() ? temporaryName(object.to())
                        : object.from()) + " SET SCHEMA " + PgIdentifiers.quote(to.schema())));
        objects.stream().filter(NamedObject::renamed).forEach(object ->
                statements.add(object.rename(to.schema(), temporaryName(object.to()), object.to())));
        if (renamed) {
            statements.addAll(renameSequences(to, to.schema(), to.name(), name -> name));
        }
        return statements;
    }

    /**
     * Gives the identity sequences of {@code table}, now at {@code schema.current}, the names PostgreSQL gives
     * them in a table created under {@code table}'s name (through {@code naming}), so a table later created under
     * the old name finds its sequence names free.
     */
    private static List<String> renameSequences(PgTable table, String schema, String current,
                                                UnaryOperator<String> naming) {
        return table.columns().stream().filter(PgColumn::identity)
                .map(column -> renameSequence(schema, current, column.name(),
                        naming.apply(identitySequence(table.name(), column.name()))))
                .toList();
    }

    /** The name PostgreSQL gives an identity column's sequence (its own cut differs beyond 63 bytes). */
    static String identitySequence(String table, String column) {
        return PgNames.fit(table + "_" + column + "_seq");
    }

    /** PostgreSQL chose the sequence's name (avoiding names taken), so it is looked up rather than assumed. */
    static String renameSequence(String schema, String table, String column, String newName) {
        return "DO $rename$ BEGIN EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence("
                + PgIdentifiers.literal(PgIdentifiers.qualified(schema, table)) + ", "
                + PgIdentifiers.literal(column) + "), " + PgIdentifiers.literal(newName)
                + "); END $rename$";
    }

    private record NamedObject(String kind, String from, String to) {

        boolean renamed() {
            return !from.equals(to);
        }

        String rename(String schema, String oldName, String newName) {
            return "ALTER " + kind + " " + PgIdentifiers.qualified(schema, oldName) + " RENAME TO "
                    + PgIdentifiers.quote(newName);
        }
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

    /** A name no table, type or index of ours takes, for the moment between two renames. */
    static String temporaryName(String name) {
        return PgNames.fit("_tmp_" + name);
    }
}
