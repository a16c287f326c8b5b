package io.chameleon.ddl;

import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.SQLIndexDefinition;
import com.alibaba.druid.sql.ast.SQLName;
import com.alibaba.druid.sql.ast.expr.SQLIntegerExpr;
import com.alibaba.druid.sql.ast.expr.SQLMethodInvokeExpr;
import com.alibaba.druid.sql.ast.statement.SQLSelectOrderByItem;
import io.chameleon.mysql.IndexKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the index definitions of CREATE TABLE, ALTER TABLE ADD and CREATE INDEX into one shape. */
final class IndexDefinitions {

    /**
     * An index as declared, before the table gives it a name or checks its prefix lengths.
     *
     * @param name    the declared name, null when MariaDB must make one up
     * @param parts   the columns with their prefix length (null: whole column)
     */
    record Declared(String name, IndexKind kind, List<Part> parts) {
    }

    record Part(String column, Integer prefixLength) {
    }

    private IndexDefinitions() {
    }

    static Declared declared(SQLIndexDefinition definition, IndexKind forced, SQLName constraintName,
                             String table) throws UntranslatableDdl {
        return declared(definition, forced, constraintName, null, table);
    }

    /** @param typeHint the element's own index type: FULLTEXT KEY keeps it there, not in the definition */
    static Declared declared(SQLIndexDefinition definition, IndexKind forced, SQLName constraintName,
                             String typeHint, String table) throws UntranslatableDdl {
        IndexKind kind = forced != null ? forced
                : kind(definition.getType() != null ? definition.getType() : typeHint);
        SQLName name = definition.getName() != null ? definition.getName() : constraintName;
        return new Declared(kind == IndexKind.PRIMARY ? "PRIMARY" : name == null ? null : Names.of(name), kind,
                parts(definition.getColumns(), table));
    }

    static IndexKind kind(String type) {
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "primary" -> IndexKind.PRIMARY;
            case "unique" -> IndexKind.UNIQUE;
            case "fulltext" -> IndexKind.FULLTEXT;
            case "spatial" -> IndexKind.SPATIAL;
            default -> IndexKind.PLAIN;
        };
    }

    static List<Part> parts(List<SQLSelectOrderByItem> items, String table) throws UntranslatableDdl {
        List<Part> parts = new ArrayList<>();
        for (SQLSelectOrderByItem item : items) {
            SQLExpr expr = item.getExpr();
            if (expr instanceof SQLName name) {
                parts.add(new Part(Names.of(name), null));
            } else if (expr instanceof SQLMethodInvokeExpr call && call.getArguments().size() == 1
                    && call.getArguments().get(0) instanceof SQLIntegerExpr length) {
                parts.add(new Part(Names.unquote(call.getMethodName()), length.getNumber().intValue()));
            } else {
                throw new UntranslatableDdl(table + ": index part " + expr + " is not a column");
            }
        }
        return parts;
    }
}
