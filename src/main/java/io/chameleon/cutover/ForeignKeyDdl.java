package io.chameleon.cutover;

import io.chameleon.mysql.ForeignKey;
import io.chameleon.postgres.PgIdentifiers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements that carry a source foreign key over once the destination schemas of both tables are
 * known. MySQL's RESTRICT and NO ACTION both check at once, as PostgreSQL's RESTRICT and (non-deferred) NO ACTION
 * do; the rules are kept as written.
 */
final class ForeignKeyDdl {

    private ForeignKeyDdl() {
    }

    /** Adds the constraint without checking the rows already there (a short lock, no scan). */
    static String addNotValid(ForeignKey key, String childSchema, String parentSchema) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(PgIdentifiers.qualified(childSchema, key.table()))
                .append(" ADD CONSTRAINT ").append(PgIdentifiers.quote(key.name())).append(" FOREIGN KEY (")
                .append(list(key.columns())).append(") REFERENCES ")
                .append(PgIdentifiers.qualified(parentSchema, key.referencedTable())).append(" (")
                .append(list(key.referencedColumns())).append(")");
        if (!key.onUpdate().equals("NO ACTION")) {
            sql.append(" ON UPDATE ").append(key.onUpdate());
        }
        if (!key.onDelete().equals("NO ACTION")) {
            sql.append(" ON DELETE ").append(key.onDelete());
        }
        return sql.append(" NOT VALID").toString();
    }

    /** Checks the existing rows (a scan that lets writes go on); fails when a row has no parent. */
    static String validate(ForeignKey key, String childSchema) {
        return "ALTER TABLE " + PgIdentifiers.qualified(childSchema, key.table()) + " VALIDATE CONSTRAINT "
                + PgIdentifiers.quote(key.name());
    }

    /** Counts the child rows that have no parent (MATCH SIMPLE: a row with a NULL in the key is fine). */
    static String countViolations(ForeignKey key, String childSchema, String parentSchema) {
        List<String> columns = key.columns();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ")
                .append(PgIdentifiers.qualified(childSchema, key.table())).append(" c WHERE ");
        for (String column : columns) {
            sql.append("c.").append(PgIdentifiers.quote(column)).append(" IS NOT NULL AND ");
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(PgIdentifiers.qualified(parentSchema, key.referencedTable()))
                .append(" p WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("p.").append(PgIdentifiers.quote(key.referencedColumns().get(i)))
                    .append(" = c.").append(PgIdentifiers.quote(columns.get(i)));
        }
        return sql.append(")").toString();
    }

    private static String list(List<String> names) {
        return names.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "));
    }
}
