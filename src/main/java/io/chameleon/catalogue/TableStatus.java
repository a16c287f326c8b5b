package io.chameleon.catalogue;

import java.time.OffsetDateTime;

/**
 * One registered table as show_status --source reports it.
 *
 * @param state          {@code replicating}, {@code disabled} (switched off by a replay error) or
 *                       {@code not replicated: REASON}
 * @param appliedChanges row changes and truncates replay applied to it since it was registered
 * @param pendingChanges row changes logged by the reader that replay has not applied yet
 */
public record TableStatus(String originSchema, String tableName, String destinationSchema, String state,
                          long copiedRows, long appliedChanges, OffsetDateTime lastApplied, long pendingChanges) {
}
