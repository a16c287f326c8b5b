package io.chameleon.preflight;

import io.chameleon.mysql.SourceTable;

import java.time.Duration;
import java.util.List;

/**
 * Binlog retention against the copy: the binlog from the copy's start must still be there when the replica starts
 * reading, and a replica stopped for a while must find its position again.
 */
final class RetentionCheck {

    /** A conservative copy rate (bytes of InnoDB data per second); the copy is usually faster. */
    static final long COPY_BYTES_PER_SECOND = 10L * 1024 * 1024;
    /** Time between the end of the copy and the start of the stream, and for short outages of the replica. */
    private static final Duration MARGIN = Duration.ofHours(1);
    private static final Duration COMFORTABLE = Duration.ofDays(1);

    private RetentionCheck() {
    }

    static CheckResult run(ServerVariables variables, List<SourceTable> tables) {
        long bytes = tables.stream().mapToLong(SourceTable::dataLength).sum();
        Duration copy = Duration.ofSeconds(bytes / COPY_BYTES_PER_SECOND);
        long seconds = Long.parseLong(variables.getOrDefault("binlog_expire_logs_seconds", "0"));
        long days = (long) Double.parseDouble(variables.getOrDefault("expire_logs_days", "0"));
        Duration retention = seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofDays(days);
        String estimate = "a copy of " + mib(bytes) + " MiB takes about " + human(copy) + " at a conservative "
                + COPY_BYTES_PER_SECOND / (1024 * 1024) + " MiB/s";
        if (retention.isZero()) {
            return CheckResult.ok("mysql", "binlog retention", "binlogs never expire; " + estimate);
        }
        String found = "binlogs kept " + human(retention) + " ("
                + (seconds > 0 ? "binlog_expire_logs_seconds " + seconds : "expire_logs_days " + days) + "); "
                + estimate;
        Duration needed = copy.plus(MARGIN);
        String fix = "keep binlogs at least " + human(copy.plus(COMFORTABLE)) + ": SET GLOBAL "
                + "binlog_expire_logs_seconds = " + copy.plus(COMFORTABLE).toSeconds() + " and the same under "
                + "[mysqld] in my.cnf (on MariaDB before 10.6, expire_logs_days)";
        if (retention.compareTo(needed) < 0) {
            return CheckResult.fail("mysql", "binlog retention", found, "the binlog from the copy's start may be "
                    + "purged before replication starts; " + fix);
        }
        if (retention.compareTo(copy.plus(COMFORTABLE)) < 0) {
            return CheckResult.warn("mysql", "binlog retention", found, "a replica stopped for longer than the "
                    + "retention must be copied again; " + fix);
        }
        return CheckResult.ok("mysql", "binlog retention", found);
    }

    static long mib(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    static String human(Duration duration) {
        if (duration.toDays() >= 1) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : duration.toSeconds() + " s";
    }
}
