package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;

import java.time.Duration;

/** The outcome of one table's copy. */
record CopiedTable(SourceTable source, PgTable target, String destinationSchema, BinlogPosition position,
                   long rows, long bytes, long discarded, Duration lockHeld,
                   CopyPhases phases) {
}
