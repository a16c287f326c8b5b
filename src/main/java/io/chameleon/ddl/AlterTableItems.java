package io.chameleon.ddl;

import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddConstraint;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAlterColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAlterIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAnalyzePartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableCheckPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableCoalescePartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableConvertCharSet;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDisableKeys;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDiscardPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropCheck;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropColumnItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropConstraint;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropForeignKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropPrimaryKey;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableEnableKeys;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableExchangePartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableImportPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableOptimizePartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTablePartitionCount;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableReOrganizePartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRebuildPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRename;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRenameColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRenameIndex;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRepairPartition;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableSetComment;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableSetOption;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableTruncatePartition;
import com.alibaba.druid.sql.ast.statement.SQLCheck;
import com.alibaba.druid.sql.ast.statement.SQLConstraint;
import com.alibaba.druid.sql.ast.statement.SQLForeignKeyConstraint;
import com.alibaba.druid.sql.ast.statement.SQLPrimaryKey;
import com.alibaba.druid.sql.ast.statement.SQLUnique;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableAlgorithm;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableAlterColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableChangeColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableForce;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableLock;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableModifyColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableOption;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableOrderBy;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MysqlAlterTableAlterCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Names the sub-commands of a parsed ALTER TABLE in the vocabulary of {@link AlterKind}. */
final class AlterTableItems {

    private static final Set<Class<? extends SQLAlterTableItem>> PARTITION_ITEMS = Set.of(
            SQLAlterTableAddPartition.class, SQLAlterTableDropPartition.class,
            SQLAlterTableReOrganizePartition.class, SQLAlterTableTruncatePartition.class,
            SQLAlterTableCoalescePartition.class, SQLAlterTableExchangePartition.class,
            SQLAlterTableAnalyzePartition.class, SQLAlterTableCheckPartition.class,
            SQLAlterTableOptimizePartition.class, SQLAlterTableRebuildPartition.class,
            SQLAlterTableRepairPartition.class, SQLAlterTableDiscardPartition.class,
            SQLAlterTableImportPartition.class, SQLAlterTablePartitionCount.class);

    private AlterTableItems() {
    }

    static List<AlterKind> kinds(SQLAlterTableStatement alter) {
        List<AlterKind> kinds = new ArrayList<>();
        for (SQLAlterTableItem item : alter.getItems()) {
            if (item instanceof SQLAlterTableAddColumn add) {
                add.getColumns().forEach(column -> kinds.add(AlterKind.ADD_COLUMN));
            } else if (item instanceof SQLAlterTableDropColumnItem drop) {
                drop.getColumns().forEach(column -> kinds.add(AlterKind.DROP_COLUMN));
            } else if (item instanceof MySqlAlterTableLock || item instanceof MySqlAlterTableAlgorithm) {
                continue; // LOCK=…, ALGORITHM=…: how the server runs the ALTER, not what it changes
            } else {
                kinds.add(kind(item));
            }
        }
        if (!alter.getTableOptions().isEmpty()) {
            kinds.add(AlterKind.TABLE_OPTION);
        }
        if (alter.getPartition() != null || alter.isRemovePatiting()) {
            kinds.add(AlterKind.PARTITION);
        }
        return collapseTableOptions(kinds);
    }

    private static AlterKind kind(SQLAlterTableItem item) {
        if (PARTITION_ITEMS.contains(item.getClass())) {
            return AlterKind.PARTITION;
        } else if (item instanceof MySqlAlterTableChangeColumn) {
            return AlterKind.CHANGE_COLUMN;
        } else if (item instanceof MySqlAlterTableModifyColumn) {
            return AlterKind.MODIFY_COLUMN;
        } else if (item instanceof SQLAlterTableRenameColumn) {
            return AlterKind.RENAME_COLUMN;
        } else if (item instanceof MySqlAlterTableAlterColumn column) {
            return column.getVisibleType() != null ? AlterKind.COLUMN_VISIBILITY
                    : column.isDropDefault() ? AlterKind.DROP_DEFAULT : AlterKind.SET_DEFAULT;
        } else if (item instanceof SQLAlterTableAlterColumn column) {
            return column.isDropDefault() ? AlterKind.DROP_DEFAULT : AlterKind.SET_DEFAULT;
        } else if (item instanceof SQLAlterTableAddIndex index) {
            return index.isUnique() ? AlterKind.ADD_UNIQUE : AlterKind.ADD_INDEX;
        } else if (item instanceof SQLAlterTableAddConstraint constraint) {
            return constraintKind(constraint.getConstraint());
        } else if (item instanceof SQLAlterTableDropIndex || item instanceof SQLAlterTableDropKey) {
            return AlterKind.DROP_INDEX;
        } else if (item instanceof SQLAlterTableDropPrimaryKey) {
            return AlterKind.DROP_PRIMARY_KEY;
        } else if (item instanceof SQLAlterTableDropForeignKey) {
            return AlterKind.DROP_FOREIGN_KEY;
        } else if (item instanceof SQLAlterTableDropConstraint || item instanceof SQLAlterTableDropCheck) {
            return AlterKind.DROP_CONSTRAINT;
        } else if (item instanceof MysqlAlterTableAlterCheck) {
            return AlterKind.ALTER_CHECK;
        } else if (item instanceof SQLAlterTableRenameIndex) {
            return AlterKind.RENAME_INDEX;
        } else if (item instanceof SQLAlterTableAlterIndex) {
            return AlterKind.INDEX_VISIBILITY;
        } else if (item instanceof SQLAlterTableRename) {
            return AlterKind.RENAME_TABLE;
        } else if (item instanceof SQLAlterTableConvertCharSet) {
            return AlterKind.CONVERT_CHARSET;
        } else if (item instanceof MySqlAlterTableOption || item instanceof SQLAlterTableSetOption
                || item instanceof SQLAlterTableSetComment || item instanceof MySqlAlterTableForce
                || item instanceof MySqlAlterTableOrderBy || item instanceof SQLAlterTableEnableKeys
                || item instanceof SQLAlterTableDisableKeys) {
            return AlterKind.TABLE_OPTION;
        }
        return AlterKind.UNRECOGNISED;
    }

    private static AlterKind constraintKind(SQLConstraint constraint) {
        // MySqlPrimaryKey is also an SQLUnique: test for the primary key first
        if (constraint instanceof SQLPrimaryKey) {
            return AlterKind.ADD_PRIMARY_KEY;
        } else if (constraint instanceof SQLUnique) {
            return AlterKind.ADD_UNIQUE;
        } else if (constraint instanceof SQLForeignKeyConstraint) {
            return AlterKind.ADD_FOREIGN_KEY;
        } else if (constraint instanceof SQLCheck) {
            return AlterKind.ADD_CHECK;
        }
        return AlterKind.UNRECOGNISED;
    }

    /** Table options are a set applied together (the grammar gathers them apart): one entry, the last. */
    private static List<AlterKind> collapseTableOptions(List<AlterKind> kinds) {
        List<AlterKind> collapsed = new ArrayList<>(kinds.size());
        for (AlterKind kind : kinds) {
            if (kind != AlterKind.TABLE_OPTION) {
                collapsed.add(kind);
            }
        }
        if (kinds.contains(AlterKind.TABLE_OPTION)) {
            collapsed.add(AlterKind.TABLE_OPTION);
        }
        return collapsed;
    }
}
