package io.chameleon.ddl;

/** The table statements that DDL replication translates. */
public enum DdlKind {
    CREATE_TABLE, DROP_TABLE, TRUNCATE, RENAME_TABLE, ALTER_TABLE, CREATE_INDEX, DROP_INDEX;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
