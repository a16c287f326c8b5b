package io.chameleon.cascade;

import io.chameleon.mysql.ForeignKey;
import io.chameleon.mysql.SourceForeignKeys;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.postgres.Transactions;
import io.chameleon.schema.PgNames;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one {@link CascadeTriggerDdl} trigger per source foreign key with a CASCADE or SET NULL action whose two
 * tables are in PostgreSQL, so that replication applies the child-row changes InnoDB does not log. The foreign
 * keys themselves are not created during replication (replay's delete-and-insert of a parent row would break
 * them); detach_replica removes the triggers and creates the keys, which then act natively.
 */
public final class CascadeTriggers {

    private static final Logger LOG = Logger.getLogger(CascadeTriggers.class);
    private static final String LIKE_PREFIX = PgNames.FOREIGN_KEY_ACTION_PREFIX.replace("_", "\\_") + "%";

    private CascadeTriggers() {
    }

    /**
     * Creates or replaces the triggers of the source's foreign keys between {@code schemaMappings}' schemas, and
     * drops the ones of keys or tables that are gone; one transaction. Returns the labels of the keys applied.
     */
    public static List<String> install(Connection pg, Connection mysql, Map<String, String> schemaMappings)
            throws SQLException {
        List<ForeignKey> keys = SourceForeignKeys.read(mysql, schemaMappings.keySet()).stream()
                .filter(k -> k.actsOnDelete() || k.actsOnUpdate()).toList();
        return Transactions.inTransaction(pg, () -> {
            List<String> installed = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            try (Statement st = pg.createStatement()) {
                for (ForeignKey key : keys) {
                    String childSchema = schemaMappings.get(key.schema());
                    String parentSchema = schemaMappings.get(key.referencedSchema());
                    if (parentSchema == null || !exists(pg, childSchema, key.table())
                            || !exists(pg, parentSchema, key.referencedTable())) {
                        continue;
                    }
                    CascadeTriggerDdl ddl = new CascadeTriggerDdl(key, childSchema, parentSchema,
                            primaryKey(pg, parentSchema, key.referencedTable()));
                    st.execute(ddl.createFunction());
                    st.execute(ddl.dropTrigger());
                    st.execute(ddl.createTrigger());
                    wanted.add(parentSchema + '\0' + ddl.name());
                    if (ddl.catchesOrphans() && hasOrphans(pg, ddl)) {
                        LOG.warnf("event=cascade_orphans_present key=%s: child rows without a parent row exist"
                                + " (written with foreign_key_checks = 0); children of a parent inserted and deleted"
                                + " within one replay transaction stay in PostgreSQL for this key", key.label());
                    } else if (ddl.catchesOrphans()) {
                        st.execute(ddl.createOrphansFunction());
                        st.execute(ddl.dropOrphansTrigger());
                        st.execute(ddl.createOrphansTrigger());
                        wanted.add(childSchema + '\0' + ddl.orphansName());
                    }
                    installed.add(key.label());
                }
            }
            dropFunctions(pg, schemaMappings.values(), wanted);
            return installed;
        });
    }

    /** Drops every such trigger and function in {@code schemas}; returns how many functions were dropped. */
    public static int remove(Connection pg, Collection<String> schemas) throws SQLException {
        return Transactions.inTransaction(pg, () -> dropFunctions(pg, schemas, Set.of()));
    }

    /** Drops the functions (and with them their triggers) in {@code schemas} but the {@code kept} ones. */
    private static int dropFunctions(Connection pg, Collection<String> schemas, Set<String> kept)
            throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT n.nspname, p.proname FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY (?) AND p.proname LIKE ?"
                + " AND p.pronargs = 0 AND p.prorettype = 'trigger'::regtype")) {
            Array names = pg.createArrayOf("text", schemas.stream().distinct().toArray());
            ps.setArray(1, names);
            ps.setString(2, LIKE_PREFIX);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!kept.contains(rs.getString(1) + '\0' + rs.getString(2))) {
                        drops.add("DROP FUNCTION " + PgIdentifiers.qualified(rs.getString(1), rs.getString(2))
                                + "() CASCADE");
                    }
                }
            }
        }
        try (Statement st = pg.createStatement()) {
            for (String drop : drops) {
                st.execute(drop);
            }
        }
        return drops.size();
    }

    private static boolean hasOrphans(Connection pg, CascadeTriggerDdl ddl) throws SQLException {
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(ddl.countOrphans())) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static boolean exists(Connection pg, String schema, String table) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, PgIdentifiers.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String> primaryKey(Connection pg, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary"
                + " ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
            ps.setString(1, PgIdentifiers.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }
}
