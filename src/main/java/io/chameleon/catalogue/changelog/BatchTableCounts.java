package io.chameleon.catalogue.changelog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Row changes (inserts, updates, deletes, truncates) per table of the batches the writer has open, for the summary
 * that completes a batch. A batch can span several PostgreSQL transactions (a source transaction written in parts),
 * so what a transaction added is kept apart until it commits and dropped when it rolls back.
 */
public final class BatchTableCounts {

    private final Map<Long, Map<Integer, Integer>> committed = new HashMap<>();
    private final Map<Long, Map<Integer, Integer>> uncommitted = new HashMap<>();
    private final Set<Long> completedUncommitted = new HashSet<>();

    /** Counts the row changes of {@code changes}, appended to the batch in the open transaction. */
    void add(long batchId, List<LoggedChange> changes) {
        Map<Integer, Integer> counts = uncommitted.computeIfAbsent(batchId, id -> new TreeMap<>());
        // rows of one table come in runs: one map update a run rather than a row
        int table = 0;
        int run = 0;
        for (LoggedChange change : changes) {
            if (change.operation() == RowOperation.SCHEMA) {
                continue;
            }
            if (run > 0 && change.tableId() != table) {
                counts.merge(table, run, Integer::sum);
                run = 0;
            }
            table = change.tableId();
            run++;
        }
        if (run > 0) {
            counts.merge(table, run, Integer::sum);
        }
    }

    /** The batch's counts so far, ordered by table id; forgotten once the transaction that asks commits. */
    Map<Integer, Integer> complete(long batchId) {
        Map<Integer, Integer> all = new TreeMap<>(committed.getOrDefault(batchId, Map.of()));
        uncommitted.getOrDefault(batchId, Map.of()).forEach((table, rows) -> all.merge(table, rows, Integer::sum));
        completedUncommitted.add(batchId);
        return all;
    }

    void committed() {
        uncommitted.forEach((batch, counts) -> {
            Map<Integer, Integer> kept = committed.computeIfAbsent(batch, id -> new TreeMap<>());
            counts.forEach((table, rows) -> kept.merge(table, rows, Integer::sum));
        });
        completedUncommitted.forEach(committed::remove);
        uncommitted.clear();
        completedUncommitted.clear();
    }

    void rolledBack() {
        uncommitted.clear();
        completedUncommitted.clear();
    }

    /** Incomplete batches were deleted: nothing of theirs is counted any more. */
    void forgetIncomplete() {
        committed.clear();
        rolledBack();
    }
}
