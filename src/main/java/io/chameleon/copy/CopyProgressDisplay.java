package io.chameleon.copy;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows copy progress while it runs: on a terminal a block redrawn every second (one line per table being
 * copied, then the total with rows/s and ETA); elsewhere one log line every ten seconds.
 */
final class CopyProgressDisplay implements AutoCloseable {

    private final List<TableProgress> tables;
    private final PrintWriter out;
    private final boolean terminal;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int linesDrawn;

    CopyProgressDisplay(List<TableProgress> tables, PrintWriter out, boolean terminal) {
        this(tables, out, terminal, terminal ? 1 : 10);
    }

    /** @param periodSeconds between two refreshes (tests refresh by hand and pass a long one) */
    CopyProgressDisplay(List<TableProgress> tables, PrintWriter out, boolean terminal, long periodSeconds) {
        this.tables = tables;
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "copy-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::show, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** One refresh; the ticker calls it every second on a terminal, every ten seconds otherwise. */
    synchronized void show() {
        if (terminal) {
            if (linesDrawn > 0) {
                out.print("\033[" + linesDrawn + "F\033[J");
            }
            linesDrawn = 0;
            for (TableProgress table : tables) {
                if (table.isStarted() && !table.isFinished()) {
                    out.println(tableLine(table));
                    linesDrawn++;
                }
            }
            out.println(totalLine());
            linesDrawn++;
        } else {
            out.println("copy progress: " + totalLine());
        }
        out.flush();
    }

    private static String tableLine(TableProgress table) {
        double seconds = table.elapsedSeconds();
        long rows = table.rows();
        double rate = seconds > 0 ? rows / seconds : 0;
        return String.format(Locale.ROOT, "  %-40s %,12d rows %,10.0f rows/s%s", table.table(), rows, rate,
                eta(table.estimatedRows() - rows, rate));
    }

    private String totalLine() {
        long rows = 0;
        long estimated = 0;
        int done = 0;
        for (TableProgress table : tables) {
            rows += table.rows();
            estimated += Math.max(table.estimatedRows(), table.rows());
            done += table.isFinished() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? rows / seconds : 0;
        return String.format(Locale.ROOT, "%d/%d tables, %,d of ~%,d rows, %,.0f rows/s%s", done, tables.size(),
                rows, estimated, rate, eta(estimated - rows, rate));
    }

    private static String eta(long remainingRows, double rate) {
        if (rate <= 0 || remainingRows <= 0) {
            return "";
        }
        long seconds = Math.round(remainingRows / rate);
        return seconds < 60 ? ", ETA " + seconds + "s" : ", ETA " + seconds / 60 + "m" + seconds % 60 + "s";
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (terminal && linesDrawn > 0) {
            out.print("\033[" + linesDrawn + "F\033[J");
            out.flush();
        }
    }
}
