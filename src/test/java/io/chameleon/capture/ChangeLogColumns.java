package io.chameleon.capture;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The change-log columns of a batch's rows as one array per column, for the benchmark's array-parameter writers
 * (one {@code unnest} statement per sub-batch). Event times stay instants; each client binds them its own way.
 */
record ChangeLogColumns(Integer[] seqs, Integer[] tables, String[] operations, String[] files, Long[] positions,
                        Instant[] times, String[] befores, String[] afters, String[] ddls) {

    static ChangeLogColumns of(int firstSeq, List<LoggedChange> changes) {
        int n = changes.size();
        ChangeLogColumns columns = new ChangeLogColumns(new Integer[n], new Integer[n], new String[n],
                new String[n], new Long[n], new Instant[n], new String[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            LoggedChange change = changes.get(i);
            columns.seqs[i] = firstSeq + i;
            columns.tables[i] = change.tableId();
            columns.operations[i] = change.operation().text();
            columns.files[i] = change.position().file();
            columns.positions[i] = change.position().position();
            columns.times[i] = change.sourceMillis() > 0 ? Instant.ofEpochMilli(change.sourceMillis()) : null;
            columns.befores[i] = text(change.before());
            columns.afters[i] = text(change.after());
            columns.ddls[i] = change.ddl();
        }
        return columns;
    }

    static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }
}
