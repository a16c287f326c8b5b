package io.chameleon.ddl;

import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRename;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLCallStatement;
import com.alibaba.druid.sql.ast.statement.SQLCreateIndexStatement;
import com.alibaba.druid.sql.ast.statement.SQLCreateTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLDeleteStatement;
import com.alibaba.druid.sql.ast.statement.SQLDropIndexStatement;
import com.alibaba.druid.sql.ast.statement.SQLDropTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLExprTableSource;
import com.alibaba.druid.sql.ast.statement.SQLInsertStatement;
import com.alibaba.druid.sql.ast.statement.SQLTableSource;
import com.alibaba.druid.sql.ast.statement.SQLTruncateStatement;
import com.alibaba.druid.sql.ast.statement.SQLUpdateStatement;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableDiscardTablespace;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableImportTablespace;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlFlushStatement;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlRenameTableStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the text of a binlog query event with Druid's MySQL grammar (see docs/ddl-parser-evaluation.md for
 * why this parser). Only the decision is made here: which table statement it is, on which tables, with which
 * ALTER sub-commands. Translation to PostgreSQL works from the same syntax tree later.
 */
public final class DdlClassifier {

    /**
     * @param defaultDatabase the session's database recorded in the query event (null or empty when none), applied
     *                        to unqualified table names; an explicit qualifier in the statement always wins
     */
    public DdlClassification classify(String defaultDatabase, String sql) {
        return classify(ParsedDdl.parse(defaultDatabase, sql));
    }

    /** Classifies an already parsed statement: {@link DdlTranslator} reads the same tree for the model. */
    DdlClassification classify(ParsedDdl parsed) {
        String text = parsed.text();
        if (parsed.rejected().isPresent()) {
            // the grammar's own failures; a statement we never translate is still recognised by its head
            return StatementHead.skipReason(text).<DdlClassification>map(DdlClassification.Skip::new)
                    .orElseGet(() -> new DdlClassification.Unparseable(parsed.rejected().get()));
        }
        List<SQLStatement> statements = parsed.statements();
        if (statements.isEmpty()) {
            return new DdlClassification.Skip(SkipReason.EMPTY);
        }
        if (statements.size() > 1) {
            return new DdlClassification.Unparseable(statements.size() + " statements in one query event");
        }
        DdlClassification classification = classify(parsed.database(), statements.get(0), text);
        return touchesRdsTables(classification) ? new DdlClassification.Skip(SkipReason.RDS_HOUSEKEEPING)
                : classification;
    }

    private DdlClassification classify(String database, SQLStatement statement, String text) {
        if (statement instanceof SQLCreateTableStatement create) {
            if (create.isTemporary()) {
                return new DdlClassification.Skip(SkipReason.TEMPORARY_TABLE);
            }
            List<TableName> tables = new ArrayList<>(List.of(Names.table(database, create.getTableSource())));
            SQLExprTableSource like = SchemaEvolution.like(create);
            if (like != null) {
                tables.add(Names.table(database, like));
            }
            return table(DdlKind.CREATE_TABLE, tables);
        } else if (statement instanceof SQLDropTableStatement drop) {
            if (drop.isTemporary()) {
                return new DdlClassification.Skip(SkipReason.TEMPORARY_TABLE);
            }
            return table(DdlKind.DROP_TABLE,
                    drop.getTableSources().stream().map(t -> Names.table(database, t)).toList());
        } else if (statement instanceof SQLTruncateStatement truncate) {
            return table(DdlKind.TRUNCATE,
                    truncate.getTableSources().stream().map(t -> Names.table(database, t)).toList());
        } else if (statement instanceof MySqlRenameTableStatement rename) {
            List<TableName> tables = new ArrayList<>();
            for (MySqlRenameTableStatement.Item item : rename.getItems()) {
                tables.add(Names.table(database, item.getName()));
                tables.add(Names.table(database, item.getTo()));
            }
            return table(DdlKind.RENAME_TABLE, tables);
        } else if (statement instanceof SQLAlterTableStatement alter) {
            return alterTable(database, alter);
        } else if (statement instanceof SQLCreateIndexStatement index) {
            return table(DdlKind.CREATE_INDEX, List.of(Names.table(database, index.getTable())));
        } else if (statement instanceof SQLDropIndexStatement index) {
            if (index.getTableName() == null) {
                // the grammar also speaks other dialects; MySQL's DROP INDEX always names its table
                return new DdlClassification.Unparseable("DROP INDEX without ON table");
            }
            return table(DdlKind.DROP_INDEX, List.of(Names.table(database, index.getTableName())));
        } else if (isRdsHousekeeping(database, statement)) {
            return new DdlClassification.Skip(SkipReason.RDS_HOUSEKEEPING);
        }
        return new DdlClassification.Skip(StatementHead.skipReason(text).orElse(SkipReason.OTHER));
    }

    private DdlClassification alterTable(String database, SQLAlterTableStatement alter) {
        for (SQLAlterTableItem item : alter.getItems()) {
            if (item instanceof MySqlAlterTableDiscardTablespace || item instanceof MySqlAlterTableImportTablespace) {
                return new DdlClassification.Skip(SkipReason.TABLESPACE);
            }
        }
        List<AlterKind> kinds = AlterTableItems.kinds(alter);
        if (!kinds.isEmpty() && kinds.stream().allMatch(kind -> kind == AlterKind.PARTITION)) {
            return new DdlClassification.Skip(SkipReason.PARTITION_MAINTENANCE);
        }
        List<TableName> tables = new ArrayList<>(List.of(Names.table(database, alter.getTableSource())));
        for (SQLAlterTableItem item : alter.getItems()) {
            if (item instanceof SQLAlterTableRename rename) {
                tables.add(Names.table(database, rename.getTo()));
            }
        }
        return new DdlClassification.TableDdl(DdlKind.ALTER_TABLE, tables, kinds);
    }

    private static DdlClassification table(DdlKind kind, List<TableName> tables) {
        return new DdlClassification.TableDdl(kind, tables, List.of());
    }

    /** RDS and Aurora keep heartbeat and bookkeeping tables and procedures in {@code mysql.rds_*}. */
    private static boolean isRdsHousekeeping(String database, SQLStatement statement) {
        if (statement instanceof MySqlFlushStatement flush) {
            return flush.isRelayLogs(); // RDS flushes relay logs through the binlog; nobody else does so there
        }
        SQLExpr target = null;
        if (statement instanceof SQLCallStatement call) {
            target = call.getProcedureName();
        } else if (statement instanceof SQLInsertStatement insert) {
            target = insert.getTableSource().getExpr();
        } else if (statement instanceof SQLUpdateStatement update) {
            target = tableExpr(update.getTableSource());
        } else if (statement instanceof SQLDeleteStatement delete) {
            target = tableExpr(delete.getTableSource());
        }
        return target != null && isRdsName(Names.table(database, target));
    }

    private static SQLExpr tableExpr(SQLTableSource source) {
        return source instanceof SQLExprTableSource table ? table.getExpr() : null;
    }

    private static boolean touchesRdsTables(DdlClassification classification) {
        return classification instanceof DdlClassification.TableDdl ddl
                && ddl.tables().stream().anyMatch(DdlClassifier::isRdsName);
    }

    private static boolean isRdsName(TableName name) {
        return name.database().equalsIgnoreCase("mysql") && name.table().toLowerCase().startsWith("rds_");
    }
}
