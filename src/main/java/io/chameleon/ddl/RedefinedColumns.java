package io.chameleon.ddl;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLColumnDefinition;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableChangeColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableModifyColumn;
import com.alibaba.druid.sql.parser.ParserException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns an ALTER TABLE gives a generation expression (ADD, MODIFY or CHANGE with {@code AS (...)}): the
 * source computes their values for every existing row without logging a row change, so the replica has to read
 * them back. The structure alone cannot tell, since an expression changed by MODIFY leaves the column's type and
 * EXTRA as they were.
 */
public final class RedefinedColumns {

    private RedefinedColumns() {
    }

    /** Lower-case names (as after the statement) of the columns given an expression; empty when it cannot parse. */
    public static Set<String> generatedBy(String sql) {
        List<SQLStatement> statements;
        try {
            statements = SQLUtils.parseStatements(ExecutableComments.open(sql), DbType.mysql);
        } catch (ParserException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
            return Set.of(); // SchemaEvolution rejects it too: the table then leaves capture
        }
        Set<String> names = new LinkedHashSet<>();
        for (SQLStatement statement : statements) {
            if (statement instanceof SQLAlterTableStatement alter) {
                names.addAll(generatedBy(alter));
            }
        }
        return names;
    }

    /** The same for one parsed ALTER TABLE. */
    static Set<String> generatedBy(SQLAlterTableStatement alter) {
        Set<String> names = new LinkedHashSet<>();
        for (SQLAlterTableItem item : alter.getItems()) {
            collect(item, names);
        }
        return names;
    }

    private static void collect(SQLAlterTableItem item, Set<String> names) {
        if (item instanceof SQLAlterTableAddColumn add) {
            add.getColumns().forEach(definition -> addIfGenerated(definition, names));
        } else if (item instanceof MySqlAlterTableChangeColumn change) {
            addIfGenerated(change.getNewColumnDefinition(), names);
        } else if (item instanceof MySqlAlterTableModifyColumn modify) {
            addIfGenerated(modify.getNewColumnDefinition(), names);
        }
    }

    private static void addIfGenerated(SQLColumnDefinition definition, Set<String> names) {
        if (definition != null && (definition.getAsExpr() != null || definition.getGeneratedAlwaysAs() != null)) {
            names.add(Names.unquote(definition.getColumnName()).toLowerCase(Locale.ROOT));
        }
    }
}
