package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;

import java.time.Duration;

/**
 * The outcome of one table's copy.
 *
 * @param discarded    rows left out by the bad-value policy
 * @param nulledValues values written as NULL by the bad-value policy
 */
record CopiedTable(SourceTable source, PgTable target, String destinationSchema, BinlogPosition position,
                   long rows, long bytes, long discarded, long nulledValues, Duration lockHeld,
                   CopyPhases phases) {
}
