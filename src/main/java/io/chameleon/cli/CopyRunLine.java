package io.chameleon.cli;

import io.chameleon.catalogue.CopyRun;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** show_status's line about a source's copy: progress, rate and ETA while it runs, how it ended afterwards. */
final class CopyRunLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private CopyRunLine() {
    }

    static String of(String source, CopyRun run) {
        String state = run.effectiveState();
        String figures = figures(run);
        return switch (state) {
            case CopyRun.RUNNING -> source + ": " + run.command() + " running (pid " + run.pid() + " on "
                    + run.host() + ", since " + time(run.startedAt()) + "): " + figures + rateAndEta(run);
            case CopyRun.FINISHED -> source + ": last copy " + run.command() + " finished " + time(run.endedAt())
                    + ": " + figures + " in " + ShowStatusCommand.lag(run.elapsed());
            case CopyRun.FAILED -> source + ": last copy " + run.command() + " failed " + time(run.endedAt())
                    + " after " + figures + ": " + run.message() + "; nothing of it was published";
            default -> source + ": last copy " + run.command() + " killed (process " + run.pid() + " on "
                    + run.host() + " ended without finishing; last progress " + time(run.updatedAt()) + ": "
                    + figures + "); nothing of it was published: run " + run.command() + " again";
        };
    }

    private static String figures(CopyRun run) {
        return String.format(Locale.ROOT, "%d/%d tables, %,d of ~%,d rows, %s", run.tablesDone(), run.tablesTotal(),
                run.rowsCopied(), Math.max(run.rowsEstimated(), run.rowsCopied()), bytes(run.bytesCopied()));
    }

    private static String rateAndEta(CopyRun run) {
        double seconds = run.elapsed().toMillis() / 1000.0;
        if (seconds <= 0 || run.rowsCopied() == 0) {
            return "";
        }
        double rate = run.rowsCopied() / seconds;
        long remaining = run.rowsEstimated() - run.rowsCopied();
        String eta = remaining > 0 ? ", ETA " + ShowStatusCommand.lag(Duration.ofSeconds(Math.round(remaining / rate)))
                : "";
        return String.format(Locale.ROOT, ", %,.0f rows/s, %s/s%s", rate, bytes(Math.round(run.bytesCopied()
                / seconds)), eta);
    }

    private static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }
}
