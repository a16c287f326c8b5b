package io.chameleon.catalogue.changelog;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Row changes (inserts, updates, deletes, truncates) per table of the batches the writer has open, the bytes of their
 * after images per table, and the row layouts of their images, for the summary that completes a batch. A batch can
 * span several PostgreSQL transactions (a source transaction written in parts), so what a transaction added is kept
 * apart until it commits and dropped when it rolls back.
 */
public final class BatchTableCounts {

    /**
     * What a batch's rows add up to: row changes per table, the bytes of their after images per table (the same
     * tables; 0 for a table with deletes and truncates only) and the layouts of their images, each by id in order.
     */
    public record Summary(SortedMap<Integer, Integer> rowsPerTable, SortedMap<Integer, Long> imageBytesPerTable,
                          SortedSet<Integer> layoutIds) {
    }

    /** A summary being added up. */
    private static final class Tally {
        private final SortedMap<Integer, Integer> rowsPerTable = new TreeMap<>();
        private final SortedMap<Integer, Long> imageBytesPerTable = new TreeMap<>();
        private final SortedSet<Integer> layoutIds = new TreeSet<>();

        private void add(int table, int rows, long imageBytes) {
            rowsPerTable.merge(table, rows, Integer::sum);
            imageBytesPerTable.merge(table, imageBytes, Long::sum);
        }

        private void addAll(Tally other) {
            other.rowsPerTable.forEach((table, rows) -> add(table, rows, other.imageBytesPerTable.get(table)));
            layoutIds.addAll(other.layoutIds);
        }
    }

    private final Map<Long, Tally> committed = new HashMap<>();
    private final Map<Long, Tally> uncommitted = new HashMap<>();
    private final Set<Long> completedUncommitted = new HashSet<>();

    /**
     * Counts the row changes of {@code changes}, appended to the batch in the open transaction.
     *
     * @param layoutIds the layout id of each change, 0 for none
     */
    void add(long batchId, List<LoggedChange> changes, int[] layoutIds) {
        Tally tally = uncommitted.computeIfAbsent(batchId, id -> new Tally());
        // rows of one table come in runs, and so do their layouts: one map update a run rather than a row
        int table = 0;
        int run = 0;
        long runBytes = 0;
        int lastLayout = 0;
        for (int i = 0; i < changes.size(); i++) {
            LoggedChange change = changes.get(i);
            if (change.operation() == RowOperation.SCHEMA) {
                continue;
            }
            if (run > 0 && change.tableId() != table) {
                tally.add(table, run, runBytes);
                run = 0;
                runBytes = 0;
            }
            table = change.tableId();
            run++;
            if (change.after() != null) {
                runBytes += change.after().length;
            }
            if (layoutIds[i] != 0 && layoutIds[i] != lastLayout) {
                lastLayout = layoutIds[i];
                tally.layoutIds.add(lastLayout);
            }
        }
        if (run > 0) {
            tally.add(table, run, runBytes);
        }
    }

    /** The batch's summary so far; forgotten once the transaction that asks commits. */
    Summary complete(long batchId) {
        Tally all = new Tally();
        all.addAll(committed.getOrDefault(batchId, new Tally()));
        all.addAll(uncommitted.getOrDefault(batchId, new Tally()));
        completedUncommitted.add(batchId);
        return new Summary(Collections.unmodifiableSortedMap(all.rowsPerTable),
                Collections.unmodifiableSortedMap(all.imageBytesPerTable),
                Collections.unmodifiableSortedSet(all.layoutIds));
    }

    void committed() {
        uncommitted.forEach((batch, tally) -> committed.computeIfAbsent(batch, id -> new Tally()).addAll(tally));
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
