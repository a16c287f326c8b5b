package io.chameleon.copy;

import java.util.List;
import java.util.Set;

/**
 * What a copy covers: every table of the source (init_replica, copy_schema), one origin schema
 * (refresh_schema) or some tables (sync_tables); with or without data.
 */
public record CopyScope(Kind kind, String originSchema, Set<String> tables, boolean withData) {

    public enum Kind { ALL, SCHEMA, TABLES }

    public static CopyScope all() {
        return new CopyScope(Kind.ALL, null, Set.of(), true);
    }

    public static CopyScope structureOnly() {
        return new CopyScope(Kind.ALL, null, Set.of(), false);
    }

    public static CopyScope schema(String originSchema) {
        return new CopyScope(Kind.SCHEMA, originSchema, Set.of(), true);
    }

    /** Tables as origin {@code schema.table} names. */
    public static CopyScope tables(List<String> tables) {
        return new CopyScope(Kind.TABLES, null, Set.copyOf(tables), true);
    }

    boolean includes(String schema, String table) {
        return switch (kind) {
            case ALL -> true;
            case SCHEMA -> schema.equals(originSchema);
            case TABLES -> tables.contains(schema + "." + table);
        };
    }

    /** Whether whole destination schemas are rebuilt and swapped (else tables are moved one by one). */
    boolean swapsSchemas() {
        return kind != Kind.TABLES;
    }
}
