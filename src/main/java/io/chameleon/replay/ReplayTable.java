package io.chameleon.replay;

import io.chameleon.postgres.PgIdentifiers;

import java.util.List;

/**
 * A registered target table as replay sees it.
 *
 * @param keyTypes    SQL type names of the key columns in the target, null when the table or a column is missing
 * @param columns     the target's columns in order, null when the table is missing
 * @param columnTypes their SQL type names without type modifiers (what an image's text is cast to before the
 *                    insert applies the modifier), null when the table is missing
 * @param sequenced   the columns that own a sequence (identity, serial), which replay keeps past the values it
 *                    writes; empty when none or the table is missing
 * @param plain       a plain table (neither partitioned nor inherited from), whose rows a ctid names alone
 */
record ReplayTable(int tableId, String destinationSchema, String tableName, List<String> keyColumns,
                   List<String> keyTypes, List<String> columns, List<String> columnTypes, boolean replicaEnabled,
                   List<SequencedColumn> sequenced, boolean plain) {

    /** A column and the oid of the sequence it draws from. */
    record SequencedColumn(String column, long sequenceOid) {
    }

    ReplayTable(int tableId, String destinationSchema, String tableName, List<String> keyColumns,
                List<String> keyTypes, List<String> columns, List<String> columnTypes, boolean replicaEnabled) {
        this(tableId, destinationSchema, tableName, keyColumns, keyTypes, columns, columnTypes, replicaEnabled,
                List.of(), true);
    }

    /** Changes are applied only to enabled tables with a key; others are skipped. */
    boolean applied() {
        return replicaEnabled && keyColumns != null && !keyColumns.isEmpty();
    }

    /**
     * Structure changes are applied to enabled tables, and to tables switched off only for want of a key (no key at
     * that position: not disabled by an error), so that such a table is there, as the source has it, when a key
     * added by DDL switches it on.
     */
    boolean followsStructure() {
        return replicaEnabled || keyColumns == null || keyColumns.isEmpty();
    }

    ReplayTable disabled() {
        return new ReplayTable(tableId, destinationSchema, tableName, keyColumns, keyTypes, columns, columnTypes,
                false, sequenced, plain);
    }

    String quotedName() {
        return PgIdentifiers.qualified(destinationSchema, tableName);
    }
}
