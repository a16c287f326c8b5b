package io.chameleon.verify;

import java.util.List;

/**
 * What verify found in one table.
 *
 * @param shown    the first differences (at most shown_per_table); the counts hold them all
 * @param rechecks chunk re-reads after the replica passed the source position
 */
public record TableResult(String table, long rowsCompared, long missing, long extra, long different,
                          List<Difference> shown, int rechecks) {

    public long differences() {
        return missing + extra + different;
    }
}
