package io.chameleon.replay;

import io.chameleon.postgres.PgIdentifiers;

import java.util.List;

/**
 * A registered target table as replay sees it.
 *
 * @param keyTypes SQL type names of the key columns in the target, null when the table or a column is missing
 */
record ReplayTable(int tableId, String destinationSchema, String tableName, List<String> keyColumns,
                   List<String> keyTypes, boolean replicaEnabled) {

    /** Changes are applied only to enabled tables with a key; others are skipped. */
    boolean applied() {
        return replicaEnabled && keyColumns != null && !keyColumns.isEmpty();
    }

    ReplayTable disabled() {
        return new ReplayTable(tableId, destinationSchema, tableName, keyColumns, keyTypes, false);
    }

    String quotedName() {
        return PgIdentifiers.qualified(destinationSchema, tableName);
    }
}
