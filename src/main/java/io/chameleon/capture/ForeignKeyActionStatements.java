package io.chameleon.capture;

import io.chameleon.cascade.CascadeTriggerDdl;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.TableName;
import io.chameleon.mysql.ForeignKey;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.PgNames;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a replicated CREATE TABLE or ALTER TABLE adds for the cascade triggers (see io.chameleon.cascade):
 * a foreign key it declares with an ON DELETE / ON UPDATE action gets its triggers, as a copy would create them; a
 * DROP FOREIGN KEY drops them. The keys are read from the source's information_schema when the reader meets the
 * statement (normally the state the statement left), and only for statements that name such an action.
 */
final class ForeignKeyActionStatements {

    /** The source's foreign keys of one table, as information_schema has them now. */
    @FunctionalInterface
    interface Lookup {
        List<ForeignKey> of(TableName table) throws SQLException;
    }

    private static final Pattern ACTION = Pattern.compile(
            "\\bON\\s+(DELETE|UPDATE)\\s+(CASCADE|SET\\s+NULL)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile(
            "\\bDROP\\s+FOREIGN\\s+KEY\\s+(?:IF\\s+EXISTS\\s+)?(?:`((?:[^`]|``)+)`|([^\\s`,;]+))",
            Pattern.CASE_INSENSITIVE);

    private final SourceConfig source;
    private final KnownTables tables;
    private final Lookup lookup;

    ForeignKeyActionStatements(SourceConfig source, KnownTables tables, Lookup lookup) {
        this.source = source;
        this.tables = tables;
        this.lookup = lookup;
    }

    static boolean dropsForeignKey(String sql) {
        return DROP.matcher(sql).find();
    }

    /**
     * @param child     the table the statement created or altered, as it is after it
     * @param structure its structure after the statement (for a key that references the table itself)
     */
    List<String> statements(String sql, TableName child, SourceTable structure) throws SQLException {
        List<String> statements = new ArrayList<>();
        Matcher drop = DROP.matcher(sql);
        while (drop.find()) {
            String name = drop.group(1) != null ? drop.group(1).replace("``", "`") : drop.group(2);
            for (String schema : new LinkedHashSet<>(source.schemaMappings().values())) {
                for (String function : List.of(PgNames.foreignKeyAction(child.database(), child.table(), name),
                        PgNames.foreignKeyOrphans(child.database(), child.table(), name))) {
                    statements.add("DROP FUNCTION IF EXISTS " + PgIdentifiers.qualified(schema, function)
                            + "() CASCADE");
                }
            }
        }
        if (!ACTION.matcher(sql).find()) {
            return statements;
        }
        String childSchema = source.schemaMappings().get(child.database());
        for (ForeignKey key : lookup.of(child)) {
            String parentSchema = source.schemaMappings().get(key.referencedSchema());
            if (!(key.actsOnDelete() || key.actsOnUpdate()) || childSchema == null || parentSchema == null) {
                continue;
            }
            TableName parentName = new TableName(key.referencedSchema(), key.referencedTable());
            Optional<SourceTable> parent = parentName.equals(child) ? Optional.of(structure)
                    : tables.find(parentName).map(KnownTables.Known::structure);
            if (parent.isEmpty()) {
                continue; // not replicated: no table to put the trigger on
            }
            CascadeTriggerDdl ddl = new CascadeTriggerDdl(key, childSchema, parentSchema,
                    parent.get().replicaKey().orElse(List.of()));
            statements.addAll(List.of(ddl.createFunction(), ddl.dropTrigger(), ddl.createTrigger()));
            if (ddl.catchesOrphans()) {
                statements.addAll(List.of(ddl.createOrphansFunction(), ddl.dropOrphansTrigger(),
                        ddl.createOrphansTrigger()));
            }
        }
        return statements;
    }
}
