package io.chameleon.ddl;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLIndexDefinition;
import com.alibaba.druid.sql.ast.SQLName;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddConstraint;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableConvertCharSet;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDisableKeys;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropCheck;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropColumnItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropConstraint;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAlterIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropForeignKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropPrimaryKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableEnableKeys;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRename;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRenameColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRenameIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableSetComment;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableSetOption;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLAssignItem;
import com.alibaba.druid.sql.ast.statement.SQLCheck;
import com.alibaba.druid.sql.ast.statement.SQLColumnDefinition;
import com.alibaba.druid.sql.ast.statement.SQLColumnUniqueKey;
import com.alibaba.druid.sql.ast.statement.SQLConstraint;
import com.alibaba.druid.sql.ast.statement.SQLCreateIndexStatement;
import com.alibaba.druid.sql.ast.statement.SQLCreateTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLDropIndexStatement;
import com.alibaba.druid.sql.ast.statement.SQLDropTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLExprTableSource;
import com.alibaba.druid.sql.ast.statement.SQLForeignKeyConstraint;
import com.alibaba.druid.sql.ast.statement.SQLPrimaryKey;
import com.alibaba.druid.sql.ast.statement.SQLTableElement;
import com.alibaba.druid.sql.ast.statement.SQLTableLike;
import com.alibaba.druid.sql.ast.statement.SQLUnique;
import com.alibaba.druid.sql.dialect.mysql.ast.MysqlForeignKey;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableAlgorithm;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableAlterColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableChangeColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableForce;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableLock;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableModifyColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableOption;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableOrderBy;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlRenameTableStatement;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlTableIndex;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MysqlAlterTableAlterCheck;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a DDL statement from the binlog to the in-memory model of the source tables, so the model keeps
 * matching the server (column order included: row events carry values by position). The rules mirror MariaDB
 * 10.11; see {@link ColumnDefinitions} and {@link TableDraft} for what is normalised and how.
 */
public final class SchemaEvolution {

    /** What the caller knows of the source. */
    public interface Structures {
        /** The current structure of a table, empty when it is not known (not replicated, or does not exist). */
        Optional<SourceTable> find(TableName table);

        /** The default character set and collation of a database, e.g. ["utf8mb4", "utf8mb4_general_ci"]. */
        String[] databaseDefaults(String database);

        /**
         * The default character set and collation of a table, which columns added by ALTER without one get. The
         * source model does not record it: by default the database's, right unless the table was created or
         * altered with another DEFAULT CHARSET.
         */
        default String[] tableDefaults(TableName table) {
            return databaseDefaults(table.database());
        }
    }

    /**
     * The changes the statement makes, in statement order; see the contract in the project's design notes:
     * changes to tables {@code known} does not know are left out, CREATE TABLE always yields Created.
     *
     * @throws UntranslatableDdl when the statement concerns a known table (or is a CREATE) but cannot be applied
     *                           faithfully; the message names the table and what could not be handled
     */
    public List<TableChange> apply(String defaultDatabase, String sql, Structures known) throws UntranslatableDdl {
        return apply(ParsedDdl.parse(defaultDatabase, sql), known);
    }

    /** As {@link #apply(String, String, Structures)}, from the tree {@link DdlClassifier} classified. */
    List<TableChange> apply(ParsedDdl parsed, Structures known) throws UntranslatableDdl {
        String database = parsed.database();
        MariaDbSpellings.Prepared prepared = parsed.prepared();
        String text = prepared.text();
        if (prepared.systemVersioning()) {
            // MariaDB logs the hidden row_start/row_end columns information_schema does not list, keeps history
            // rows, and logs a DELETE as an UPDATE of row_end: rows would not replicate as the model says
            refuseOnTable(database, text, known, "system-versioned tables (SYSTEM VERSIONING) are not supported: "
                    + "their row images carry hidden row_start/row_end columns and history rows");
        }
        if (parsed.rejected().isPresent()) {
            refuseOnTable(database, text, known, "cannot parse the statement: " + parsed.parserFailure());
            return List.of(); // not table DDL, or on a table not known: nothing for the model
        }
        List<SQLStatement> statements = parsed.statements();
        Overlay structures = new Overlay(known);
        List<TableChange> changes = new ArrayList<>();
        try {
            for (SQLStatement statement : statements) {
                if (prepared.orReplace() && statement instanceof SQLCreateTableStatement create
                        && !create.isTemporary()) {
                    changes.addAll(replaced(database, create, structures));
                }
                changes.addAll(apply(database, statement, structures, prepared.invisibleColumns(),
                        prepared.conditions()));
            }
        } catch (RuntimeException e) {
            // the contract is UntranslatableDdl: an unforeseen shape must stop the table, never the reader
            refuseOnTable(database, text, known, "cannot apply the statement: " + e);
            throw new UntranslatableDdl("cannot apply the statement: " + e);
        }
        return changes;
    }

    /** CREATE OR REPLACE TABLE first drops the table it names, when there is one. */
    private static List<TableChange> replaced(String database, SQLCreateTableStatement create, Overlay known) {
        TableName table = Names.table(database, create.getTableSource());
        if (known.find(table).isEmpty()) {
            return List.of();
        }
        TableChange dropped = new TableChange.Dropped(table);
        known.record(dropped);
        return List.of(dropped);
    }

    /** Throws when the statement is a CREATE TABLE or an ALTER of a known table; returns for anything else. */
    private void refuseOnTable(String database, String text, Structures known, String reason)
            throws UntranslatableDdl {
        Optional<TableHead> head = TableHead.of(database, text);
        if (head.isPresent() && (head.get().creates() || known.find(head.get().table()).isPresent())) {
            throw new UntranslatableDdl(head.get().table() + ": " + reason, head.get().table());
        }
    }

    /** Applies one statement, recording its changes in the overlay for the statements after it. */
    private List<TableChange> apply(String database, SQLStatement statement, Overlay known, Set<String> invisible,
                                    ExistenceConditions conditions) throws UntranslatableDdl {
        List<TableChange> changes = changes(database, statement, known, invisible, conditions);
        if (!(statement instanceof SQLDropTableStatement || statement instanceof MySqlRenameTableStatement)) {
            changes.forEach(known::record); // DROP and RENAME record each table as they go
        }
        return changes;
    }

    private List<TableChange> changes(String database, SQLStatement statement, Overlay known, Set<String> invisible,
                                      ExistenceConditions conditions) throws UntranslatableDdl {
        if (statement instanceof SQLCreateTableStatement create) {
            return create.isTemporary() ? List.of() : create(database, create, known, invisible);
        } else if (statement instanceof SQLDropTableStatement drop) {
            if (drop.isTemporary()) {
                return List.of();
            }
            List<TableChange> changes = new ArrayList<>();
            for (SQLExprTableSource source : drop.getTableSources()) {
                TableName table = Names.table(database, source);
                if (known.find(table).isPresent()) {
                    TableChange change = new TableChange.Dropped(table);
                    changes.add(change);
                    known.record(change);
                }
            }
            return changes;
        } else if (statement instanceof MySqlRenameTableStatement rename) {
            List<TableChange> changes = new ArrayList<>();
            for (MySqlRenameTableStatement.Item item : rename.getItems()) {
                TableName from = Names.table(database, item.getName());
                TableName to = Names.table(database, item.getTo());
                if (known.find(from).isPresent()) {
                    TableChange change = new TableChange.Renamed(from, to);
                    changes.add(change);
                    known.record(change); // RENAME a TO b, b TO c: the second pair sees the first
                }
            }
            return changes;
        } else if (statement instanceof SQLAlterTableStatement alter) {
            return alter(database, alter, known, invisible, conditions);
        } else if (statement instanceof SQLCreateIndexStatement index) {
            TableName table = Names.table(database, index.getTable());
            Optional<SourceTable> before = known.find(table);
            if (before.isEmpty()) {
                return List.of();
            }
            TableDraft draft = new TableDraft(before.get(), known.tableDefaults(table));
            draft.conditions = conditions;
            draft.addIndex(IndexDefinitions.declared(index.getIndexDefinition(), null, null, draft.label));
            return altered(before.get(), draft);
        } else if (statement instanceof SQLDropIndexStatement index) {
            if (index.getTableName() == null) {
                return List.of();
            }
            TableName table = Names.table(database, index.getTableName());
            Optional<SourceTable> before = known.find(table);
            if (before.isEmpty()) {
                return List.of();
            }
            TableDraft draft = new TableDraft(before.get(), known.tableDefaults(table));
            draft.conditions = conditions;
            draft.dropIndex(Names.of(index.getIndexName()));
            return altered(before.get(), draft);
        }
        return List.of(); // TRUNCATE, DML, views, routines…: the structure of tables does not change
    }

    // ---------------------------------------------------------------- CREATE TABLE

    private List<TableChange> create(String database, SQLCreateTableStatement create, Overlay known,
                                     Set<String> invisible) throws UntranslatableDdl {
        TableName table = Names.table(database, create.getTableSource());
        if (create.isIfNotExists() && known.find(table).isPresent()) {
            return List.of();
        }
        if (create.getSelect() != null) {
            throw new UntranslatableDdl(table + ": CREATE TABLE … SELECT takes its columns from a query");
        }
        SQLExprTableSource likeSource = like(create);
        if (likeSource != null) {
            TableName like = Names.table(database, likeSource);
            SourceTable model = known.find(like).orElseThrow(() -> new UntranslatableDdl(
                    table + ": CREATE TABLE … LIKE " + like + ", a table whose structure is not known"));
            return List.of(new TableChange.Created(new SourceTable(table.database(), table.table(),
                    model.engine(), model.transactional(), model.columns(), model.indexes(), 0, 0)));
        }
        Map<String, SQLExpr> options = options(create.getTableOptions());
        String engine = options.containsKey("ENGINE") ? Names.of(options.get("ENGINE"))
                : create.getEngine() != null ? Names.of(create.getEngine()) : "InnoDB";
        TableDraft draft = new TableDraft(table, engine,
                tableCharset(options, known.databaseDefaults(table.database())));
        draft.invisibleColumns = invisible;

        List<String> primaryColumns = new ArrayList<>();
        for (SQLTableElement element : create.getTableElementList()) {
            if (element instanceof SQLPrimaryKey primary) {
                IndexDefinitions.parts(primary.getColumns(), draft.label)
                        .forEach(part -> primaryColumns.add(part.column().toLowerCase(Locale.ROOT)));
            }
        }
        // keys are made in declaration order (which decides made-up names), once every column exists
        List<Runnable> keys = new ArrayList<>();
        List<UntranslatableDdl> failures = new ArrayList<>();
        for (SQLTableElement element : create.getTableElementList()) {
            if (element instanceof SQLColumnDefinition definition) {
                String name = Names.unquote(definition.getColumnName());
                boolean inPrimary = ColumnDefinitions.inlinePrimaryKey(definition)
                        || primaryColumns.contains(name.toLowerCase(Locale.ROOT));
                draft.addColumn(ColumnDefinitions.column(definition, draft.columns().size() + 1, draft.charset,
                        inPrimary, draft.invisibleColumns, draft.label), false, null);
                for (IndexDefinitions.Declared key : inlineKeys(definition, name)) {
                    keys.add(() -> guarded(failures, () -> draft.addIndex(key)));
                }
            } else {
                Step step = tableElement(element, draft);
                keys.add(() -> guarded(failures, step));
            }
        }
        for (Runnable key : keys) {
            key.run();
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
        return List.of(new TableChange.Created(draft.build()));
    }

    /** {@code LIKE t} and MariaDB's {@code (LIKE t)}, which Druid reads as the only table element. */
    static SQLExprTableSource like(SQLCreateTableStatement create) {
        if (create.getLike() != null) {
            return create.getLike();
        }
        List<SQLTableElement> elements = create.getTableElementList();
        return elements.size() == 1 && elements.get(0) instanceof SQLTableLike like ? like.getTable() : null;
    }

    private interface Step {
        void run() throws UntranslatableDdl;
    }

    private static void guarded(List<UntranslatableDdl> failures, Step step) {
        if (!failures.isEmpty()) {
            return;
        }
        try {
            step.run();
        } catch (UntranslatableDdl e) {
            failures.add(e);
        }
    }

    /** PRIMARY KEY, UNIQUE and SERIAL written on a column: keys named after it. */
    private static List<IndexDefinitions.Declared> inlineKeys(SQLColumnDefinition definition, String column) {
        List<IndexDefinitions.Declared> keys = new ArrayList<>();
        IndexDefinitions.Part part = new IndexDefinitions.Part(column, null);
        if (ColumnDefinitions.inlinePrimaryKey(definition)) {
            keys.add(new IndexDefinitions.Declared("PRIMARY", IndexKind.PRIMARY, List.of(part)));
        }
        if (definition.getConstraints().stream().anyMatch(c -> c instanceof SQLColumnUniqueKey)
                || ColumnDefinitions.serial(definition)) {
            keys.add(new IndexDefinitions.Declared(null, IndexKind.UNIQUE, List.of(part)));
        }
        return keys;
    }

    /** A table-level key, foreign key or check of CREATE TABLE (ALTER … ADD uses the same). */
    private static Step tableElement(SQLTableElement element, TableDraft draft) throws UntranslatableDdl {
        if (element instanceof SQLPrimaryKey primary && primary instanceof SQLUnique unique) {
            IndexDefinitions.Declared key = IndexDefinitions.declared(unique.getIndexDefinition(),
                    IndexKind.PRIMARY, null, draft.label);
            return () -> draft.addIndex(key);
        } else if (element instanceof SQLUnique unique) {
            // MySqlKey (plain KEY) is an SQLUnique too: the index definition's type tells them apart
            String hint = unique instanceof com.alibaba.druid.sql.dialect.mysql.ast.MySqlKey key
                    ? key.getIndexType() : null;
            IndexDefinitions.Declared key = IndexDefinitions.declared(unique.getIndexDefinition(), null,
                    unique.getName(), hint, draft.label);
            return () -> draft.addIndex(key);
        } else if (element instanceof MySqlTableIndex index) {
            IndexDefinitions.Declared key = IndexDefinitions.declared(index.getIndexDefinition(), null, null,
                    index.getIndexType(), draft.label);
            return () -> draft.addIndex(key);
        } else if (element instanceof SQLForeignKeyConstraint foreignKey) {
            return foreignKey(foreignKey, draft);
        } else if (element instanceof SQLCheck) {
            return () -> { }; // a CHECK constrains values, not the structure
        }
        throw new UntranslatableDdl(draft.label + ": cannot apply " + element);
    }

    private static Step foreignKey(SQLForeignKeyConstraint foreignKey, TableDraft draft) {
        SQLName constraint = foreignKey.getName();
        SQLName index = foreignKey instanceof MysqlForeignKey mysql ? mysql.getIndexName() : null;
        List<String> columns = foreignKey.getReferencingColumns().stream().map(Names::of).toList();
        return () -> draft.addForeignKey(constraint == null ? null : Names.of(constraint),
                index == null ? null : Names.of(index), columns);
    }

    // ---------------------------------------------------------------- ALTER TABLE

    private List<TableChange> alter(String database, SQLAlterTableStatement alter, Overlay known,
                                    Set<String> invisible, ExistenceConditions conditions) throws UntranslatableDdl {
        TableName table = Names.table(database, alter.getTableSource());
        Optional<SourceTable> found = known.find(table);
        if (found.isEmpty()) {
            return List.of();
        }
        SourceTable before = found.get();
        TableDraft draft = new TableDraft(before, known.tableDefaults(table));
        draft.invisibleColumns = invisible;
        draft.conditions = conditions;
        Map<String, SQLExpr> options = options(alter.getTableOptions());
        if (options.containsKey("ENGINE")) {
            draft.engine(Names.of(options.get("ENGINE")));
        }
        if (options.containsKey("CHARACTER SET") || options.containsKey("COLLATE")) {
            // the new table default applies to every column this statement adds, wherever it is written
            draft.charset = tableCharset(options, draft.charset);
        }
        TableName renamedTo = null;
        for (SQLAlterTableItem item : alter.getItems()) {
            if (item instanceof SQLAlterTableRename rename) {
                renamedTo = Names.table(database, rename.getToName());
            } else {
                alterItem(item, draft);
            }
        }
        // a new expression changes the table even when its structure reads the same (the source keeps no expression)
        List<TableChange> changes = new ArrayList<>(altered(before, draft,
                !RedefinedColumns.generatedBy(alter).isEmpty()));
        if (renamedTo != null && !renamedTo.equals(table)) {
            changes.add(new TableChange.Renamed(table, renamedTo));
        }
        return changes;
    }

    private static List<TableChange> altered(SourceTable before, TableDraft draft) {
        return altered(before, draft, false);
    }

    private static List<TableChange> altered(SourceTable before, TableDraft draft, boolean newExpressions) {
        SourceTable after = draft.build();
        return after.equals(before) && draft.renamedColumns.isEmpty() && !newExpressions ? List.of()
                : List.of(new TableChange.Altered(before, after, draft.renamedColumns));
    }

    private static void alterItem(SQLAlterTableItem item, TableDraft draft) throws UntranslatableDdl {
        ExistenceConditions conditions = draft.conditions;
        if (item instanceof SQLAlterTableAddColumn add) {
            String after = add.getAfterColumn() == null ? null : Names.of(add.getAfterColumn());
            boolean first = add.isFirst() || add.getFirstColumn() != null;
            // ADD (a, b) has no position; each column goes after the previous one
            for (SQLColumnDefinition definition : add.getColumns()) {
                if (conditions.skipsAddedColumn(Names.unquote(definition.getColumnName()), draft)) {
                    continue;
                }
                SourceColumn column = ColumnDefinitions.column(definition, 0, draft.charset,
                        ColumnDefinitions.inlinePrimaryKey(definition), draft.invisibleColumns, draft.label);
                draft.addColumn(column, first, after);
                for (IndexDefinitions.Declared key : inlineKeys(definition, column.name())) {
                    draft.addIndex(key);
                }
                if (first || after != null) {
                    first = false;
                    after = column.name();
                }
            }
        } else if (item instanceof SQLAlterTableDropColumnItem drop) {
            for (SQLName column : drop.getColumns()) {
                if (!conditions.skipsExistingColumn(Names.of(column), draft)) {
                    draft.dropColumn(Names.of(column));
                }
            }
        } else if (item instanceof MySqlAlterTableChangeColumn change) {
            if (conditions.skipsExistingColumn(Names.of(change.getColumnName()), draft)) {
                return;
            }
            replace(draft, Names.of(change.getColumnName()), change.getNewColumnDefinition(),
                    change.isFirst() || change.getFirstColumn() != null, change.getAfterColumn());
        } else if (item instanceof MySqlAlterTableModifyColumn modify) {
            SQLColumnDefinition definition = modify.getNewColumnDefinition();
            if (conditions.skipsExistingColumn(Names.unquote(definition.getColumnName()), draft)) {
                return;
            }
            replace(draft, Names.unquote(definition.getColumnName()), definition,
                    modify.isFirst() || modify.getFirstColumn() != null, modify.getAfterColumn());
        } else if (item instanceof SQLAlterTableRenameColumn rename) {
            draft.renameColumn(Names.of(rename.getColumn()), Names.of(rename.getTo()));
        } else if (item instanceof MySqlAlterTableAlterColumn alterColumn && alterColumn.getVisibleType() == null) {
            SourceColumn column = draft.column(Names.of(alterColumn.getColumn()));
            draft.setDefault(column.name(), alterColumn.isDropDefault()
                    ? (column.nullable() ? new ColumnDefault.Null() : new ColumnDefault.None())
                    : ColumnDefinitions.defaultFor(alterColumn.getDefaultExpr(), column, draft.label));
        } else if (item instanceof SQLAlterTableAddIndex index) {
            draft.addIndex(IndexDefinitions.declared(index.getIndexDefinition(),
                    index.isUnique() ? IndexKind.UNIQUE : null, null, draft.label));
        } else if (item instanceof SQLAlterTableAddConstraint add) {
            SQLConstraint constraint = add.getConstraint();
            if (constraint instanceof SQLTableElement element) {
                tableElement(element, draft).run();
            } else {
                throw new UntranslatableDdl(draft.label + ": cannot apply ADD " + constraint);
            }
        } else if (item instanceof SQLAlterTableDropIndex drop) {
            draft.dropIndex(Names.of(drop.getIndexName()));
        } else if (item instanceof SQLAlterTableDropKey drop) {
            draft.dropIndex(Names.of(drop.getKeyName()));
        } else if (item instanceof SQLAlterTableDropPrimaryKey) {
            draft.dropIndex("PRIMARY");
        } else if (item instanceof SQLAlterTableDropConstraint drop) {
            // MariaDB's DROP CONSTRAINT also drops a unique key of that name; else it is a CHECK or foreign key
            String name = Names.of(drop.getConstraintName());
            if (draft.build().indexes().stream().anyMatch(index -> index.name().equalsIgnoreCase(name))) {
                draft.dropIndex(name);
            }
        } else if (item instanceof SQLAlterTableRenameIndex rename) {
            draft.renameIndex(Names.of(rename.getName()), Names.of(rename.getTo()));
        } else if (item instanceof SQLAlterTableConvertCharSet convert) {
            String charset = Charsets.charsetName(Names.of(convert.getCharset()));
            if (charset.equals("binary") || !Charsets.known(charset)) {
                throw new UntranslatableDdl(draft.label + ": CONVERT TO CHARACTER SET " + charset);
            }
            String collation = convert.getCollate() == null ? Charsets.defaultCollation(charset)
                    : Charsets.collationName(Names.of(convert.getCollate()));
            draft.convertTo(charset, collation);
        } else if (item instanceof MySqlAlterTableOption option) {
            if (option.getName() != null && option.getName().equalsIgnoreCase("ENGINE")) {
                draft.engine(String.valueOf(option.getValue()));
            }
        } else if (item instanceof MySqlAlterTableAlterColumn || item instanceof SQLAlterTableAlterIndex) {
            // SET VISIBLE/INVISIBLE of a column or an index: an invisible column is still in every row event and in
            // information_schema, and an invisible index still exists, so the structure does not change
        } else if (item instanceof SQLAlterTableDropForeignKey || item instanceof SQLAlterTableDropCheck
                || item instanceof MysqlAlterTableAlterCheck || item instanceof MySqlAlterTableLock
                || item instanceof MySqlAlterTableAlgorithm || item instanceof SQLAlterTableSetOption
                || item instanceof SQLAlterTableSetComment || item instanceof MySqlAlterTableForce
                || item instanceof MySqlAlterTableOrderBy || item instanceof SQLAlterTableEnableKeys
                || item instanceof SQLAlterTableDisableKeys
                || AlterTableItems.kinds(single(item)).contains(AlterKind.PARTITION)) {
            // how the table is stored, checked or partitioned, not its columns and keys
        } else {
            throw new UntranslatableDdl(draft.label + ": cannot apply ALTER TABLE sub-command " + item);
        }
    }

    private static SQLAlterTableStatement single(SQLAlterTableItem item) {
        SQLAlterTableStatement statement = new SQLAlterTableStatement(DbType.mysql);
        statement.getItems().add(item);
        return statement;
    }

    private static void replace(TableDraft draft, String old, SQLColumnDefinition definition, boolean first,
                                SQLExpr after) throws UntranslatableDdl {
        SourceColumn current = draft.column(old);
        SourceColumn column = ColumnDefinitions.column(definition, current.position(), draft.charset,
                ColumnDefinitions.inlinePrimaryKey(definition) || draft.inPrimaryKey(current.name()),
                draft.invisibleColumns, draft.label);
        draft.replaceColumn(current.name(), column, first, after == null ? null : Names.of(after));
        for (IndexDefinitions.Declared key : inlineKeys(definition, column.name())) {
            draft.addIndex(key);
        }
    }

    // ---------------------------------------------------------------- table options

    /** Table options by canonical name: ENGINE, CHARACTER SET (also CHARSET), COLLATE. */
    private static Map<String, SQLExpr> options(List<SQLAssignItem> items) {
        Map<String, SQLExpr> options = new HashMap<>();
        for (SQLAssignItem item : items) {
            String name = item.getTarget().toString().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
                    .replaceFirst("^DEFAULT ", "");
            if (name.equals("CHARSET")) {
                name = "CHARACTER SET";
            }
            options.put(name, item.getValue());
        }
        return options;
    }

    private static String[] tableCharset(Map<String, SQLExpr> options, String[] inherited) {
        SQLExpr charset = options.get("CHARACTER SET");
        SQLExpr collate = options.get("COLLATE");
        if (charset != null && !Names.of(charset).equalsIgnoreCase("default")) {
            String name = Charsets.charsetName(Names.of(charset));
            return new String[]{name, collate == null ? Charsets.defaultCollation(name)
                    : Charsets.collationName(Names.of(collate))};
        }
        if (collate != null) {
            String collation = Charsets.collationName(Names.of(collate));
            return new String[]{Charsets.charsetOf(collation), collation};
        }
        return inherited;
    }

    // ---------------------------------------------------------------- statement-local view

    /** The caller's structures as changed by the earlier statements (and items) of the same query. */
    private static final class Overlay implements Structures {
        private final Structures known;
        private final Map<TableName, Optional<SourceTable>> changed = new HashMap<>();

        Overlay(Structures known) {
            this.known = known;
        }

        @Override
        public Optional<SourceTable> find(TableName table) {
            Optional<SourceTable> local = changed.get(table);
            return local != null ? local : known.find(table);
        }

        @Override
        public String[] databaseDefaults(String database) {
            return known.databaseDefaults(database);
        }

        @Override
        public String[] tableDefaults(TableName table) {
            return known.tableDefaults(table);
        }

        void record(TableChange change) {
            if (change instanceof TableChange.Created created) {
                changed.put(new TableName(created.table().schema(), created.table().name()),
                        Optional.of(created.table()));
            } else if (change instanceof TableChange.Dropped dropped) {
                changed.put(dropped.table(), Optional.empty());
            } else if (change instanceof TableChange.Altered altered) {
                changed.put(new TableName(altered.after().schema(), altered.after().name()),
                        Optional.of(altered.after()));
            } else if (change instanceof TableChange.Renamed renamed) {
                Optional<SourceTable> table = find(renamed.from());
                changed.put(renamed.from(), Optional.empty());
                changed.put(renamed.to(), table.map(t -> new SourceTable(renamed.to().database(),
                        renamed.to().table(), t.engine(), t.transactional(), t.columns(), t.indexes(),
                        t.estimatedRows(), t.dataLength())));
            }
        }
    }
}
