package io.chameleon.copy;

import io.chameleon.mysql.BinlogPosition;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a copy did, for the final report and the tests.
 *
 * @param setup   checks, discovery and table creation before the first row
 * @param load    every table's snapshot, rows, keys and indexes
 * @param publish the schema swap and the catalogue
 */
public record CopySummary(List<CopiedTable> tables, BinlogPosition start, BinlogPosition highWatermark,
                          Duration elapsed, Duration setup, Duration load, Duration publish) {

    /** From the {@link System#nanoTime()} readings at the copy's start, its first row, its last row and its end. */
    static CopySummary timed(List<CopiedTable> tables, BinlogPosition start, BinlogPosition highWatermark,
                             long started, long loadStarted, long loaded, long published) {
        return new CopySummary(tables, start, highWatermark, Duration.ofNanos(published - started),
                Duration.ofNanos(loadStarted - started), Duration.ofNanos(loaded - loadStarted),
                Duration.ofNanos(published - loaded));
    }

    public long rows() {
        return tables.stream().mapToLong(CopiedTable::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(CopiedTable::bytes).sum();
    }

    public long discardedRows() {
        return tables.stream().mapToLong(CopiedTable::discarded).sum();
    }

    public long nulledValues() {
        return tables.stream().mapToLong(CopiedTable::nulledValues).sum();
    }

    public Duration longestLock() {
        return tables.stream().map(CopiedTable::lockHeld).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Tables copied but not replicated, with the reason. */
    public List<String> notReplicated() {
        return tables.stream().filter(t -> t.source().replicaKey().isEmpty())
                .map(t -> t.source().schema() + "." + t.source().name() + ": " + t.source().notReplicatedReason().orElse(""))
                .toList();
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Copied %d tables, %,d rows, %,.1f MiB in %.1f s (%,.0f rows/s).%n",
                tables.size(), rows(), bytes() / 1048576.0, elapsed.toMillis() / 1000.0,
                elapsed.isZero() ? 0.0 : rows() / (elapsed.toMillis() / 1000.0)));
        CopyPhases phases = tables.stream().map(CopiedTable::phases).reduce(CopyPhases.NONE, CopyPhases::plus);
        text.append(String.format(Locale.ROOT, "Time: setup %.2f s, load %.2f s (summed over tables: snapshot %.2f s,"
                        + " rows %.2f s in %d readers, keys and indexes %.2f s), publish %.2f s.%n",
                seconds(setup), seconds(load), seconds(phases.snapshot()), seconds(phases.copy()), phases.ranges(),
                seconds(phases.keys()), seconds(publish)));
        text.append(String.format(Locale.ROOT, "Longest lock held on a source table: %d ms.%n", longestLock().toMillis()));
        text.append("Replication starts at ").append(start).append("; consistent after ").append(highWatermark)
                .append(".").append(System.lineSeparator());
        if (nulledValues() > 0) {
            text.append(nulledValues()).append(" values PostgreSQL cannot hold written as NULL by the bad-value policy"
                    + " (listed by show_errors --bad-values)").append(System.lineSeparator());
        }
        if (discardedRows() > 0) {
            text.append(discardedRows()).append(" rows discarded by the bad-value policy (listed by show_errors"
                    + " --bad-values)").append(System.lineSeparator());
        }
        List<String> notReplicated = notReplicated();
        if (!notReplicated.isEmpty()) {
            text.append("Copied but NOT replicated (").append(notReplicated.size()).append("):")
                    .append(System.lineSeparator());
            notReplicated.forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
        }
        return text.toString();
    }
}
