package io.chameleon.cutover;

import io.chameleon.postgres.PgIdentifiers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A foreign key of the source, with its MySQL names, and the PostgreSQL statements that carry it over once the
 * destination schemas of both tables are known. MySQL's RESTRICT and NO ACTION both check at once, as
 * PostgreSQL's RESTRICT and (non-deferred) NO ACTION do; the rules are kept as written.
 */
record ForeignKey(String schema, String table, String name, List<String> columns, String referencedSchema,
                  String referencedTable, List<String> referencedColumns, String onUpdate, String onDelete) {

    private static final Set<String> RULES = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");

    ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onUpdate = rule(onUpdate);
        onDelete = rule(onDelete);
    }

    /** {@code schema.table.name}, as the source names it. */
    String label() {
        return schema + "." + table + "." + name;
    }

    /** Adds the constraint without checking the rows already there (a short lock, no scan). */
    String addNotValid(String childSchema, String parentSchema) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(PgIdentifiers.qualified(childSchema, table))
                .append(" ADD CONSTRAINT ").append(PgIdentifiers.quote(name)).append(" FOREIGN KEY (")
                .append(list(columns)).append(") REFERENCES ")
                .append(PgIdentifiers.qualified(parentSchema, referencedTable)).append(" (")
                .append(list(referencedColumns)).append(")");
        if (!onUpdate.equals("NO ACTION")) {
            sql.append(" ON UPDATE ").append(onUpdate);
        }
        if (!onDelete.equals("NO ACTION")) {
            sql.append(" ON DELETE ").append(onDelete);
        }
        return sql.append(" NOT VALID").toString();
    }

    /** Checks the existing rows (a scan that lets writes go on); fails when a row has no parent. */
    String validate(String childSchema) {
        return "ALTER TABLE " + PgIdentifiers.qualified(childSchema, table) + " VALIDATE CONSTRAINT "
                + PgIdentifiers.quote(name);
    }

    /** Counts the child rows that have no parent (MATCH SIMPLE: a row with a NULL in the key is fine). */
    String countViolations(String childSchema, String parentSchema) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ")
                .append(PgIdentifiers.qualified(childSchema, table)).append(" c WHERE ");
        for (String column : columns) {
            sql.append("c.").append(PgIdentifiers.quote(column)).append(" IS NOT NULL AND ");
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(PgIdentifiers.qualified(parentSchema, referencedTable))
                .append(" p WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("p.").append(PgIdentifiers.quote(referencedColumns.get(i)))
                    .append(" = c.").append(PgIdentifiers.quote(columns.get(i)));
        }
        return sql.append(")").toString();
    }

    private static String list(List<String> names) {
        return names.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "));
    }

    private static String rule(String rule) {
        String normal = rule == null ? "NO ACTION" : rule.trim().toUpperCase(Locale.ROOT);
        if (!RULES.contains(normal)) {
            throw new IllegalArgumentException("unknown foreign key rule '" + rule + "'");
        }
        return normal;
    }
}
