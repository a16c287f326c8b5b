package io.chameleon.replay;

import java.util.List;

/** What a housekeeping pass removed: change-log partitions of replayed batches and log_batch rows past retention. */
public record Housekeeping(List<String> droppedPartitions, int deletedBatches) {
}
