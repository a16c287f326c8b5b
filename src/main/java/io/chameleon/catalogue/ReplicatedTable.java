package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;

import java.util.List;

/**
 * A copied table as the catalogue records it.
 *
 * @param keyColumns the replica key; empty when the table is copied but not replicated (see notReplicatedReason)
 * @param copyPosition where its snapshot was taken: the stream skips its events up to there; null once consistent
 */
public record ReplicatedTable(String originSchema, String tableName, String destinationSchema,
                              List<String> keyColumns, String notReplicatedReason, BinlogPosition copyPosition,
                              long copiedRows) {

    public boolean replicated() {
        return !keyColumns.isEmpty();
    }
}
