package io.chameleon.cascade;

import io.chameleon.mysql.ForeignKey;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.PgNames;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The function and trigger that apply, in PostgreSQL, the ON DELETE / ON UPDATE action (CASCADE or SET NULL) of a
 * source foreign key to the child rows, as InnoDB did on the source without writing those rows to the binlog.
 *
 * <p>The trigger is on the parent table, AFTER DELETE OR UPDATE OF the referenced columns, and deferred to the end
 * of the transaction, because replay applies an update as a delete of the row followed by an insert of its new
 * image: only at commit can the function tell what happened to the old referenced values. Still there (another
 * row, or the same row re-inserted): nothing to do. Gone, but the parent row is still there under its primary key
 * with other referenced values: an update, the ON UPDATE action is applied with the new values. Otherwise a delete,
 * the ON DELETE action. An update that changes the primary key as well cannot be told apart from a delete.
 */
public final class CascadeTriggerDdl {

    private static final String TAG = "$chameleon_fk$";

    private final ForeignKey key;
    private final String childSchema;
    private final String parentSchema;
    private final List<String> parentPrimaryKey;

    /**
     * @param parentPrimaryKey the parent's primary key columns in PostgreSQL (empty when it has none: then a replayed
     *                         update of the referenced columns is taken for a delete)
     */
    public CascadeTriggerDdl(ForeignKey key, String childSchema, String parentSchema, List<String> parentPrimaryKey) {
        if (!key.actsOnDelete() && !key.actsOnUpdate()) {
            throw new IllegalArgumentException("foreign key " + key.label() + " has no action to apply");
        }
        this.key = key;
        this.childSchema = childSchema;
        this.parentSchema = parentSchema;
        this.parentPrimaryKey = List.copyOf(parentPrimaryKey);
    }

    /** The function's and the trigger's name, in the parent's schema. */
    public String name() {
        return PgNames.foreignKeyAction(key.schema(), key.table(), key.name());
    }

    public String createFunction() {
        String parent = PgIdentifiers.qualified(parentSchema, key.referencedTable());
        StringBuilder body = new StringBuilder()
                .append("DECLARE\n  chameleon_moved record;\n  chameleon_is_moved boolean := false;\nBEGIN\n")
                // a child table dropped (or renamed) by replicated DDL: nothing to apply, and replay must not fail
                .append("  IF to_regclass(").append(PgIdentifiers.literal(PgIdentifiers.qualified(childSchema,
                        key.table()))).append(") IS NULL THEN\n    RETURN NULL;\n  END IF;\n")
                .append("  IF EXISTS (SELECT 1 FROM ").append(parent).append(" p WHERE ")
                .append(match("p.", key.referencedColumns(), "OLD.", key.referencedColumns())).append(") THEN\n")
                .append("    RETURN NULL;\n  END IF;\n");
        if (!parentPrimaryKey.isEmpty()) {
            body.append("  SELECT * INTO chameleon_moved FROM ").append(parent).append(" p WHERE ")
                    .append(match("p.", parentPrimaryKey, "OLD.", parentPrimaryKey)).append(";\n")
                    .append("  chameleon_is_moved := FOUND;\n");
        }
        // a direct update (a cascade of another key's trigger): its new values, even if the row is gone since
        body.append("  IF NOT chameleon_is_moved AND TG_OP = 'UPDATE' THEN\n")
                .append("    chameleon_moved := NEW;\n    chameleon_is_moved := true;\n  END IF;\n")
                .append("  IF chameleon_is_moved THEN\n");
        if (key.actsOnUpdate()) {
            body.append("    ").append(action(key.onUpdate(), "chameleon_moved.")).append(";\n");
        }
        body.append("    RETURN NULL;\n  END IF;\n");
        if (key.actsOnDelete()) {
            body.append("  ").append(action(key.onDelete(), null)).append(";\n");
        }
        body.append("  RETURN NULL;\nEND\n");
        return triggerFunction(function(), body);
    }

    public String dropTrigger() {
        return dropTrigger(name(), PgIdentifiers.qualified(parentSchema, key.referencedTable()));
    }

    public String createTrigger() {
        return constraintTrigger(name(), "DELETE OR UPDATE OF " + list(key.referencedColumns()),
                PgIdentifiers.qualified(parentSchema, key.referencedTable()), function());
    }

    private String function() {
        return PgIdentifiers.qualified(parentSchema, name()) + "()";
    }

    /**
     * Whether the key needs the orphans trigger on the child table: a parent inserted and deleted within one replay
     * transaction is never in PostgreSQL, so its trigger never fires, while the children inserted meanwhile are.
     * Not for a key with an ON UPDATE action: there a child without parent at commit may be one whose parent's key
     * changed in the same transaction (its update is applied by the parent's trigger, perhaps after this one).
     */
    public boolean catchesOrphans() {
        return key.actsOnDelete() && !key.actsOnUpdate();
    }

    /**
     * Counts the child rows that already have no parent (written in MySQL with foreign_key_checks = 0): the orphans
     * trigger would apply the ON DELETE action to them whenever replay rewrites them, so it is left out then.
     */
    public String countOrphans() {
        String child = PgIdentifiers.qualified(childSchema, key.table());
        String parent = PgIdentifiers.qualified(parentSchema, key.referencedTable());
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + child + " c WHERE ");
        for (String column : key.columns()) {
            sql.append("c.").append(PgIdentifiers.quote(column)).append(" IS NOT NULL AND ");
        }
        return sql.append("NOT EXISTS (SELECT 1 FROM ").append(parent).append(" p WHERE ")
                .append(match("p.", key.referencedColumns(), "c.", key.columns())).append(")").toString();
    }

    /** The orphans function's and trigger's name, in the child's schema. */
    public String orphansName() {
        return PgNames.foreignKeyOrphans(key.schema(), key.table(), key.name());
    }

    /**
     * At commit, a child row written by replay whose whole key matches no parent row lost its parent in the same
     * transaction: the ON DELETE action is applied to it (and to the other children of that key).
     */
    public String createOrphansFunction() {
        String parent = PgIdentifiers.qualified(parentSchema, key.referencedTable());
        StringBuilder body = new StringBuilder("BEGIN\n  IF ");
        for (int i = 0; i < key.columns().size(); i++) {
            body.append(i == 0 ? "" : " OR ").append("NEW.").append(PgIdentifiers.quote(key.columns().get(i)))
                    .append(" IS NULL");
        }
        body.append(" OR to_regclass(").append(PgIdentifiers.literal(parent)).append(") IS NULL THEN\n")
                .append("    RETURN NULL;\n  END IF;\n")
                .append("  IF EXISTS (SELECT 1 FROM ").append(parent).append(" p WHERE ")
                .append(match("p.", key.referencedColumns(), "NEW.", key.columns())).append(") THEN\n")
                .append("    RETURN NULL;\n  END IF;\n")
                .append("  ").append(action(key.onDelete(), null, match("c.", key.columns(), "NEW.", key.columns())))
                .append(";\n  RETURN NULL;\nEND\n");
        return triggerFunction(orphansFunction(), body);
    }

    public String dropOrphansTrigger() {
        return dropTrigger(orphansName(), PgIdentifiers.qualified(childSchema, key.table()));
    }

    public String createOrphansTrigger() {
        return constraintTrigger(orphansName(), "INSERT OR UPDATE OF " + list(key.columns()),
                PgIdentifiers.qualified(childSchema, key.table()), orphansFunction());
    }

    private String triggerFunction(String signature, CharSequence body) {
        if (body.toString().contains(TAG)) {
            throw new IllegalArgumentException("foreign key " + key.label() + " has a name containing " + TAG);
        }
        return "CREATE OR REPLACE FUNCTION " + signature + " RETURNS trigger LANGUAGE plpgsql AS " + TAG + "\n"
                + body + TAG;
    }

    private static String dropTrigger(String name, String table) {
        return "DROP TRIGGER IF EXISTS " + PgIdentifiers.quote(name) + " ON " + table;
    }

    /** Deferred to commit: within a replay transaction the parent may come back, or the child may be rewritten. */
    private static String constraintTrigger(String name, String events, String table, String function) {
        return "CREATE CONSTRAINT TRIGGER " + PgIdentifiers.quote(name) + " AFTER " + events + " ON " + table
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + function;
    }

    private String orphansFunction() {
        return PgIdentifiers.qualified(childSchema, orphansName()) + "()";
    }

    /** DELETE the children, or UPDATE their key to NULL, or to the referenced values of {@code newRow}. */
    private String action(String rule, String newRow) {
        return action(rule, newRow, match("c.", key.columns(), "OLD.", key.referencedColumns()));
    }

    private String action(String rule, String newRow, String childMatch) {
        String child = PgIdentifiers.qualified(childSchema, key.table());
        String where = " WHERE " + childMatch;
        if (rule.equals("CASCADE") && newRow == null) {
            return "DELETE FROM " + child + " c" + where;
        }
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < key.columns().size(); i++) {
            set.append(i == 0 ? "" : ", ").append(PgIdentifiers.quote(key.columns().get(i))).append(" = ")
                    .append(rule.equals("SET NULL") ? "NULL"
                            : newRow + PgIdentifiers.quote(key.referencedColumns().get(i)));
        }
        return "UPDATE " + child + " c SET " + set + where;
    }

    private static String match(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < leftColumns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(left).append(PgIdentifiers.quote(leftColumns.get(i)))
                    .append(" = ").append(right).append(PgIdentifiers.quote(rightColumns.get(i)));
        }
        return sql.toString();
    }

    private static String list(List<String> names) {
        return names.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "));
    }
}
