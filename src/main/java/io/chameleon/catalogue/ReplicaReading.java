package io.chameleon.catalogue;

import io.chameleon.mysql.BinlogPosition;

import java.time.Duration;
import java.util.List;

/**
 * What the catalogue says about one source's replica at one moment, for the metrics endpoint.
 *
 * @param readLag         now minus the source time of the last event read (null before any)
 * @param replayLag       source time of the last event read minus that of the last replayed (0 when caught up)
 * @param applied         end position of the last replayed batch (null before any, or once retention removed it)
 * @param batchesPending  complete batches not replayed yet
 * @param rowsPending     row changes in those batches
 * @param changeLogBytes  size of the change log on disk, all sources (the partitions are shared)
 * @param errors          rows of show_errors of this source
 * @param tables          every registered table with its counters
 */
public record ReplicaReading(Duration readLag, Duration replayLag, BinlogPosition applied, long batchesPending,
                             long rowsPending, long changeLogBytes, long errors, List<TableStatus> tables) {

    /** Tables switched off by replay errors. */
    public long disabledTables() {
        return tables.stream().filter(t -> t.state().equals("disabled")).count();
    }
}
