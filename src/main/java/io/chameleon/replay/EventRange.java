package io.chameleon.replay;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The change-log events of some batches strictly between two positions: a segment of a chunk between barriers, or
 * a single event. Rendered as SQL with literal numbers so a failing statement can be logged as run.
 */
record EventRange(List<Long> batchIds, EventPosition after, EventPosition before) {

    static EventRange single(EventPosition event) {
        return new EventRange(List.of(event.batchId()),
                new EventPosition(event.batchId(), event.eventSeq() - 1),
                new EventPosition(event.batchId(), event.eventSeq() + 1));
    }

    /** WHERE condition on the change_log alias {@code c}. */
    String predicate() {
        StringBuilder sql = new StringBuilder("c.batch_id = ANY ('{")
                .append(batchIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .append("}'::bigint[])");
        if (!after.equals(EventPosition.BEFORE_ALL)) {
            sql.append(" AND (c.batch_id, c.event_seq) > ").append(after.sqlRow());
        }
        if (!before.equals(EventPosition.AFTER_ALL)) {
            sql.append(" AND (c.batch_id, c.event_seq) < ").append(before.sqlRow());
        }
        return sql.toString();
    }
}
