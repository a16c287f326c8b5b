package io.chameleon.ddl;

import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLName;
import com.alibaba.druid.sql.ast.expr.SQLIdentifierExpr;
import com.alibaba.druid.sql.ast.expr.SQLMethodInvokeExpr;
import com.alibaba.druid.sql.ast.expr.SQLPropertyExpr;
import com.alibaba.druid.sql.ast.statement.SQLExprTableSource;
import com.alibaba.druid.sql.ast.statement.SQLTableSource;

/** Identifiers as MySQL means them: backquotes removed, doubled backquotes undone. */
final class Names {

    private Names() {
    }

    static String unquote(String identifier) {
        if (identifier != null && identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
            return identifier.substring(1, identifier.length() - 1).replace("``", "`");
        }
        return identifier;
    }

    static String of(SQLExpr expr) {
        if (expr instanceof SQLName name) {
            return unquote(name.getSimpleName());
        }
        if (expr instanceof SQLMethodInvokeExpr call) {
            return unquote(call.getMethodName()); // a prefix part: name(10)
        }
        return unquote(expr.toString());
    }

    static TableName table(String database, SQLTableSource source) {
        return table(database, ((SQLExprTableSource) source).getExpr());
    }

    static TableName table(String database, SQLExpr expr) {
        if (expr instanceof SQLPropertyExpr qualified) {
            return new TableName(unquote(qualified.getOwnerName()), unquote(qualified.getName()));
        } else if (expr instanceof SQLIdentifierExpr plain) {
            return new TableName(database, unquote(plain.getName()));
        }
        throw new IllegalStateException("unexpected table name " + expr);
    }
}
