package io.chameleon.ops;

import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Full contents of a table as one line per row, {@code key md5(canonical text)}, ordered by key, read the same way
 * on both sides: the columns joined with '|' ({@code CONCAT_WS} / {@code concat_ws}, NULLs left out on both).
 * Two digests are equal exactly when the tables hold the same rows.
 *
 * @param table   table name (MariaDB database of the test; PostgreSQL schema {@code targetSchema})
 * @param key     the key columns, comma-separated, used as row label and order
 * @param columns every column, comma-separated; their text form must be the same on both servers (integers,
 *                decimals, text)
 */
record TableDigest(String table, String key, String columns) {

    List<String> ofSource(MariaDbDatabase source) {
        return lines(source.queryForList("SELECT CONCAT(CONCAT_WS(',', " + key + "), ' ', MD5(CONCAT_WS('|', "
                + columns + "))) FROM " + table + " ORDER BY " + key));
    }

    List<String> ofTarget(PostgresDatabase target, String targetSchema) {
        return lines(target.queryForList("SELECT concat_ws(',', " + key + ") || ' ' || md5(concat_ws('|', "
                + columns + ")) FROM " + targetSchema + "." + table + " ORDER BY " + key));
    }

    /** Source and target lines that differ, for a short failure message (equal tables give an empty string). */
    static String difference(List<String> source, List<String> target) {
        java.util.Set<String> inTarget = new java.util.HashSet<>(target);
        java.util.Set<String> inSource = new java.util.HashSet<>(source);
        List<String> missing = source.stream().filter(l -> !inTarget.contains(l)).limit(5).toList();
        List<String> extra = target.stream().filter(l -> !inSource.contains(l)).limit(5).toList();
        return missing.isEmpty() && extra.isEmpty() ? "" : "missing or different in target: " + missing
                + "; extra or different in target: " + extra;
    }

    private static List<String> lines(List<List<Object>> rows) {
        return rows.stream().map(r -> String.valueOf(r.get(0))).collect(Collectors.toList());
    }
}
