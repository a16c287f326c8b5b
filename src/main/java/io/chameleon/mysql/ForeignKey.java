package io.chameleon.mysql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A foreign key of the source, with its MySQL names and its rules as information_schema spells them (CASCADE,
 * SET NULL, SET DEFAULT, RESTRICT, NO ACTION; a missing rule is NO ACTION).
 */
public record ForeignKey(String schema, String table, String name, List<String> columns, String referencedSchema,
                         String referencedTable, List<String> referencedColumns, String onUpdate, String onDelete) {

    private static final Set<String> RULES = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onUpdate = rule(onUpdate);
        onDelete = rule(onDelete);
    }

    /** {@code schema.table.name}, as the source names it. */
    public String label() {
        return schema + "." + table + "." + name;
    }

    /** Whether a delete of a parent row changes child rows (which InnoDB does without writing them to the binlog). */
    public boolean actsOnDelete() {
        return acts(onDelete);
    }

    /** Whether an update of a parent row's referenced columns changes child rows (same, not in the binlog). */
    public boolean actsOnUpdate() {
        return acts(onUpdate);
    }

    private static boolean acts(String rule) {
        return rule.equals("CASCADE") || rule.equals("SET NULL");
    }

    private static String rule(String rule) {
        String normal = rule == null ? "NO ACTION" : rule.trim().toUpperCase(Locale.ROOT);
        if (!RULES.contains(normal)) {
            throw new IllegalArgumentException("unknown foreign key rule '" + rule + "'");
        }
        return normal;
    }
}
