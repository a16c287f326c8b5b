package io.chameleon.mysql;

import com.github.shyiko.mysql.binlog.GtidSet;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The GTID position a reader has reached, advanced one transaction at a time. MariaDB's is the last GTID of each
 * replication domain ({@code 0-1-42,1-7-9}); MySQL's is the set of every executed transaction
 * ({@code uuid:1-42}), which must start from the server's gtid_executed to be of any use.
 */
public final class GtidSets {

    private static final Pattern MARIADB_GTID = Pattern.compile("\\d+-\\d+-\\d+");
    private static final Pattern SINGLE_INTERVAL = Pattern.compile(":(\\d+)-\\1(?=[:,]|$)");
    private static final Pattern MYSQL_SET = Pattern.compile(
            "\\s*[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(:\\d+(-\\d+)?)+\\s*"
                    + "(,\\s*[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(:\\d+(-\\d+)?)+\\s*)*");

    private GtidSets() {
    }

    /** The position after the transaction {@code gtid}; {@code set} may be null (nothing known yet). */
    public static String advance(String set, String gtid) {
        if (gtid == null) {
            return set;
        }
        if (MARIADB_GTID.matcher(gtid).matches()) {
            return advanceMariaDb(set, gtid);
        }
        GtidSet executed = new GtidSet(set == null ? "" : set);
        executed.add(gtid);
        // the library prints one-transaction intervals as "8-8"; MySQL prints (and parses) "8"
        return SINGLE_INTERVAL.matcher(executed.toString()).replaceAll(":$1");
    }

    /** Whether a position is MariaDB's form (domain-server-sequence entries). */
    public static boolean isMariaDb(String set) {
        return set != null && !set.isBlank() && java.util.Arrays.stream(set.split(","))
                .allMatch(entry -> MARIADB_GTID.matcher(entry.trim()).matches());
    }

    /** Whether a position is MySQL's form (uuid:interval[:interval…], comma-separated). */
    public static boolean isMySql(String set) {
        return set != null && MYSQL_SET.matcher(set).matches();
    }

    private static String advanceMariaDb(String set, String gtid) {
        Map<Long, String> byDomain = new TreeMap<>();
        if (set != null && !set.isBlank()) {
            for (String entry : set.split(",")) {
                String trimmed = entry.trim();
                byDomain.put(domain(trimmed), trimmed);
            }
        }
        byDomain.put(domain(gtid), gtid);
        return String.join(",", byDomain.values());
    }

    private static long domain(String gtid) {
        return Long.parseLong(gtid.substring(0, gtid.indexOf('-')));
    }
}
