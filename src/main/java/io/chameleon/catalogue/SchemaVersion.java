package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceTable;

import java.util.List;

/**
 * One row of {@code schema_history}: a replicated table's structure from a binlog position on, and how replay
 * names it in the target from the schema-change event that made it.
 *
 * @param structure  the source structure from here on; null when the table was dropped, or when its structure is
 *                   no longer known (a statement that could not be applied to it: it is not captured any more)
 * @param batchId    the change-log event of the DDL, null when none was logged (nothing to do in the target)
 * @param keyColumns the replica key from here on, null when the table is not replicated
 * @param before     the target table as it was just before: null for a table created here
 */
public record SchemaVersion(int tableId, String originSchema, String tableName, BinlogPosition position,
                            SourceTable structure, String ddl, Long batchId, Integer eventSeq,
                            String destinationSchema, List<String> keyColumns, boolean dropped, Target before) {

    /** The target table and key as replay sees them. */
    public record Target(String destinationSchema, String tableName, List<String> keyColumns) {
    }
}
