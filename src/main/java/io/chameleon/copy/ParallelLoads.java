package io.chameleon.copy;

import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs table loads on a fixed number of workers, largest tables first so a big table does not start last. The
 * first failure cancels the loads not yet finished and is rethrown naming its table.
 */
final class ParallelLoads {

    @FunctionalInterface
    interface Load {
        CopiedTable run(SourceTable table, PgTable target, TableProgress progress) throws SQLException;
    }

    private final int workers;

    ParallelLoads(int workers) {
        this.workers = workers;
    }

    List<CopiedTable> run(Map<SourceTable, PgTable> targets, List<TableProgress> progress, Load load)
            throws SQLException {
        List<SourceTable> order = new ArrayList<>(targets.keySet());
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            indexes.add(i);
        }
        indexes.sort((a, b) -> Long.compare(order.get(b).dataLength(), order.get(a).dataLength()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, order.size())), r -> {
            Thread thread = new Thread(r, "copy-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CopiedTable>> futures = new ArrayList<>();
            List<SourceTable> submitted = new ArrayList<>();
            for (int index : indexes) {
                SourceTable table = order.get(index);
                TableProgress tableProgress = progress.get(index);
                submitted.add(table);
                futures.add(pool.submit(() -> load.run(table, targets.get(table), tableProgress)));
            }
            List<CopiedTable> copied = new ArrayList<>();
            Iterator<SourceTable> tables = submitted.iterator();
            for (Future<CopiedTable> future : futures) {
                SourceTable table = tables.next();
                try {
                    copied.add(future.get());
                } catch (ExecutionException e) {
                    throw failure(table, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("copy interrupted at table " + table.schema() + "." + table.name(), e);
                }
            }
            return copied;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SQLException failure(SourceTable table, Throwable cause) {
        if (cause instanceof BadDataException bad) {
            throw bad;
        }
        return new SQLException("copy of table " + table.schema() + "." + table.name() + " failed: "
                + cause.getMessage(), cause);
    }
}
