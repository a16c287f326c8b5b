package io.chameleon.schema;

import io.chameleon.postgres.PgIdentifiers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The statements turning one shape of a table into another, in an order PostgreSQL accepts:
 * <ol>
 * <li>indexes and the primary key that are gone or changed (by name, uniqueness or columns) are dropped first, so
 *     no later step trips over them and dropping a column never removes one silently;</li>
 * <li>dropped columns, then their enum types;</li>
 * <li>renamed columns (through temporary names when names are swapped or passed on), and their identity
 *     sequences;</li>
 * <li>each kept column: identity dropped, default dropped, type changed, NOT NULL, default set, identity added;</li>
 * <li>added columns with their enum types;</li>
 * <li>the new primary key and indexes.</li>
 * </ol>
 * A column of {@code before} is the column of {@code after} with its (possibly new) name; one not renamed whose
 * name another column takes over is dropped. A column dropped and added again under the same name in one change
 * is not distinguishable here and is treated as kept (converted): call twice, through a shape without it, to
 * replay a drop and re-add.
 * <p>
 * Existing rows get what MySQL gives them: an added column its default, or the type's zero value when it is NOT
 * NULL without default (added with that value as a default which is then dropped; see
 * {@link ColumnConversion#implicitValue}); an added identity column numbers the rows as auto_increment does; a
 * retyped column its value converted (see {@link ColumnConversion#using}).
 */
final class TableAlteration {

    private final PgTable before;
    private final PgTable after;
    private final String schema;
    private final String table;
    private final Map<String, String> renames = new LinkedHashMap<>();
    /** Kept columns of {@code before} by their name in {@code after}. */
    private final Map<String, PgColumn> kept = new LinkedHashMap<>();
    private final List<PgColumn> dropped = new ArrayList<>();
    /** Enum types of kept columns as they are before the change: their names are taken until they are renamed. */
    private final Set<String> keptTypes = new HashSet<>();
    private final List<String> statements = new ArrayList<>();
    /** Renames from temporary to final type names, run once every column has its new type. */
    private final List<String> typeRenames = new ArrayList<>();
    private boolean built;

    TableAlteration(PgTable before, PgTable after, Map<String, String> renamedColumns) {
        if (!before.schema().equals(after.schema()) || !before.name().equals(after.name())) {
            throw new IllegalArgumentException("alter needs one table, not " + before.schema() + "." + before.name()
                    + " and " + after.schema() + "." + after.name());
        }
        this.before = before;
        this.after = after;
        this.schema = after.schema();
        this.table = PgIdentifiers.qualified(schema, after.name());
        renamedColumns.forEach((from, to) -> {
            if (before.column(from).isEmpty() || after.column(to).isEmpty()) {
                throw new IllegalArgumentException("rename of column " + from + " to " + to + " does not match "
                        + after.name());
            }
            if (!from.equals(to)) {
                renames.put(from, to);
            }
        });
        if (Set.copyOf(renames.values()).size() != renames.size()) {
            throw new IllegalArgumentException("two columns renamed to the same name: " + renames);
        }
        for (PgColumn column : before.columns()) {
            afterName(column.name()).ifPresentOrElse(name -> kept.put(name, column), () -> dropped.add(column));
        }
        kept.values().stream().filter(column -> column.enumType() != null)
                .forEach(column -> keptTypes.add(column.enumType().name()));
    }

    /** Builds the statements; call once. */
    List<String> statements() {
        if (built) {
            throw new IllegalStateException("statements already built");
        }
        built = true;
        dropIndexesAndKey();
        dropColumns();
        renameColumns();
        kept.forEach((name, column) -> alterColumn(column, after.column(name).orElseThrow()));
        statements.addAll(typeRenames);
        addColumns();
        addKeyAndIndexes();
        return List.copyOf(statements);
    }

    /** The column's name in {@code after}, empty when it is dropped. */
    private Optional<String> afterName(String beforeName) {
        String renamed = renames.get(beforeName);
        if (renamed != null) {
            return Optional.of(renamed);
        }
        if (renames.containsValue(beforeName)) {
            return Optional.empty(); // another column takes its name
        }
        return after.column(beforeName).map(PgColumn::name);
    }

    /** Columns of {@code before} under their names in {@code after}, empty when one is dropped. */
    private Optional<List<String>> afterNames(List<String> beforeNames) {
        List<String> names = new ArrayList<>();
        for (String name : beforeNames) {
            Optional<String> renamed = afterName(name);
            if (renamed.isEmpty()) {
                return Optional.empty();
            }
            names.add(renamed.get());
        }
        return Optional.of(names);
    }

    private boolean keyKept() {
        return !before.primaryKey().isEmpty()
                && afterNames(before.primaryKey()).equals(Optional.of(after.primaryKey()));
    }

    private boolean indexKept(PgIndex index) {
        return after.indexes().stream().anyMatch(other -> other.name().equals(index.name())
                && other.unique() == index.unique()
                && afterNames(index.columns()).equals(Optional.of(other.columns())));
    }

    private void dropIndexesAndKey() {
        before.indexes().stream().filter(index -> !indexKept(index)).forEach(index ->
                statements.add("DROP INDEX " + PgIdentifiers.qualified(schema, index.name())));
        if (!before.primaryKey().isEmpty() && !keyKept()) {
            statements.add(alterTable() + "DROP CONSTRAINT " + PgIdentifiers.quote(PgNames.primaryKey(before.name())));
        }
    }

    private void dropColumns() {
        dropped.forEach(column -> statements.add(alterTable() + "DROP COLUMN " + PgIdentifiers.quote(column.name())));
        dropped.stream().filter(column -> column.enumType() != null).forEach(column -> dropType(column.enumType()));
    }

    /** Swapped or passed-on names (a to b, b to c) go through temporary names, as no two columns may share one. */
    private void renameColumns() {
        Set<String> current = new HashSet<>();
        kept.values().forEach(column -> current.add(column.name()));
        boolean clash = renames.values().stream().anyMatch(current::contains);
        Map<String, String> steps = new LinkedHashMap<>(renames);
        if (clash) {
            Set<String> taken = new HashSet<>(current);
            after.columns().forEach(column -> taken.add(column.name()));
            steps.clear();
            renames.forEach((from, to) -> {
                String temporary = "_tmp_" + from;
                while (!taken.add(temporary)) {
                    temporary = "_" + temporary;
                }
                renameColumn(from, temporary);
                steps.put(temporary, to);
            });
        }
        steps.forEach(this::renameColumn);
        // an identity's sequence is named after its column: give it the name a new table would have
        renames.forEach((from, to) -> {
            if (before.column(from).orElseThrow().identity() && after.column(to).orElseThrow().identity()) {
                statements.add(SchemaChangeDdl.renameSequence(schema, after.name(), to,
                        SchemaChangeDdl.identitySequence(after.name(), to)));
            }
        });
    }

    private void renameColumn(String from, String to) {
        statements.add(alterTable() + "RENAME COLUMN " + PgIdentifiers.quote(from) + " TO " + PgIdentifiers.quote(to));
    }

    /** Identity and default go before the type change (neither may be in the way), and come back after it. */
    private void alterColumn(PgColumn from, PgColumn to) {
        String column = PgIdentifiers.quote(to.name());
        String alter = alterTable() + "ALTER COLUMN " + column + " ";
        boolean retyped = !sameType(from, to);
        boolean defaultChanged = retyped || !Objects.equals(from.defaultSql(), to.defaultSql());
        if (from.identity() && !to.identity()) {
            statements.add(alter + "DROP IDENTITY");
        }
        if (from.defaultSql() != null && defaultChanged) {
            statements.add(alter + "DROP DEFAULT");
        }
        if (retyped) {
            retype(column, from, to);
        } else if (from.enumType() != null && !from.enumType().name().equals(to.enumType().name())) {
            renameType(from.enumType().name(), to.enumType().name());
        }
        if (!from.notNull() && to.notNull()) {
            ColumnConversion.implicitValue(to).ifPresent(value -> statements.add("UPDATE " + table + " SET " + column
                    + " = " + value + " WHERE " + column + " IS NULL"));
            statements.add(alter + "SET NOT NULL");
        } else if (from.notNull() && !to.notNull()) {
            statements.add(alter + "DROP NOT NULL");
        }
        if (to.defaultSql() != null && defaultChanged) {
            statements.add(alter + "SET DEFAULT " + to.defaultSql());
        }
        if (!from.identity() && to.identity()) {
            statements.add(alter + "ADD GENERATED BY DEFAULT AS IDENTITY");
            statements.add(TableDdl.sequencePastMaximum(schema, after.name(), to.name()));
        }
    }

    private static boolean sameType(PgColumn from, PgColumn to) {
        if (from.enumType() != null || to.enumType() != null) {
            return from.enumType() != null && to.enumType() != null
                    && from.enumType().labels().equals(to.enumType().labels());
        }
        return from.type().equals(to.type());
    }

    /**
     * A new enum type is built beside the old one (under a temporary name while the old one or another kept
     * column's type holds the final name): labels cannot be added in the transaction that uses them.
     */
    private void retype(String column, PgColumn from, PgColumn to) {
        String type = to.type();
        if (to.enumType() != null) {
            String name = to.enumType().name();
            String built = keptTypes.contains(name) ? SchemaChangeDdl.temporaryName(name) : name;
            statements.add(TableDdl.createType(to.enumType(), built, schema));
            type = PgIdentifiers.qualified(schema, built);
            if (!built.equals(name)) {
                typeRenames.add(renameTypeStatement(built, name));
            }
        }
        statements.add(alterTable() + "ALTER COLUMN " + column + " TYPE " + type + " USING "
                + ColumnConversion.using(column, from, to, type));
        if (from.enumType() != null) {
            dropType(from.enumType());
        }
    }

    private void renameType(String from, String to) {
        if (keptTypes.contains(to)) {
            String temporary = SchemaChangeDdl.temporaryName(to);
            statements.add(renameTypeStatement(from, temporary));
            typeRenames.add(renameTypeStatement(temporary, to));
        } else {
            statements.add(renameTypeStatement(from, to));
        }
    }

    private String renameTypeStatement(String from, String to) {
        return "ALTER TYPE " + PgIdentifiers.qualified(schema, from) + " RENAME TO " + PgIdentifiers.quote(to);
    }

    private void dropType(PgEnumType type) {
        statements.add("DROP TYPE " + PgIdentifiers.qualified(schema, type.name()));
    }

    private void addColumns() {
        for (PgColumn column : after.columns()) {
            if (kept.containsKey(column.name())) {
                continue;
            }
            if (column.enumType() != null) {
                statements.add(TableDdl.createType(column.enumType(), column.enumType().name(), schema));
            }
            Optional<String> fill = column.notNull() && column.defaultSql() == null && !column.identity()
                    ? ColumnConversion.implicitValue(column) : Optional.empty();
            PgColumn added = fill.map(value -> new PgColumn(column.name(), column.type(), column.enumType(), true,
                    value, false, column.codec(), column.notes())).orElse(column);
            statements.add(alterTable() + "ADD COLUMN " + TableDdl.columnDefinition(added, schema));
            fill.ifPresent(value -> statements.add(alterTable() + "ALTER COLUMN " + PgIdentifiers.quote(column.name())
                    + " DROP DEFAULT"));
        }
    }

    private void addKeyAndIndexes() {
        if (!after.primaryKey().isEmpty() && !keyKept()) {
            TableDdl.primaryKey(after, schema).ifPresent(statements::add);
        }
        Set<String> keptIndexes = new HashSet<>();
        before.indexes().stream().filter(this::indexKept).forEach(index -> keptIndexes.add(index.name()));
        after.indexes().stream().filter(index -> !keptIndexes.contains(index.name()))
                .forEach(index -> statements.add(TableDdl.createIndex(after, index, schema)));
    }

    private String alterTable() {
        return "ALTER TABLE " + table + " ";
    }
}
