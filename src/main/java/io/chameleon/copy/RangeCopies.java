package io.chameleon.copy;

import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.schema.PgTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Copies the key ranges of one table at once: range i is read by snapshot reader i and written by its own COPY on
 * its own PostgreSQL connection into the same loading table. The first failing range aborts the readers of the
 * others, so they stop at once; the table then fails as a whole, its loading schema is dropped and nothing of it
 * is published.
 */
final class RangeCopies {

    private final PostgresConnector postgres;
    private final TableCopier copier;

    RangeCopies(PostgresConnector postgres, TableCopier copier) {
        this.postgres = postgres;
        this.copier = copier;
    }

    /** @return the rows written, every range committed */
    long copy(TableSnapshot snapshot, List<String> ranges, SourceTable source, PgTable target, String loadingSchema,
              TableProgress progress) throws SQLException {
        // copy_max_memory bounds the table's worker: its ranges share that worker's buffer
        TableCopier rangeCopier = copier.withBufferShare(ranges.size());
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size(), r -> {
            Thread thread = new Thread(r, "copy-range");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Long> copies = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < ranges.size(); i++) {
                Connection reader = snapshot.readers().get(i);
                String range = ranges.get(i);
                copies.submit(() -> copyRange(rangeCopier, reader, source, target, loadingSchema, range, progress));
            }
            long rows = 0;
            Throwable failure = null;
            for (int i = 0; i < ranges.size(); i++) {
                try {
                    rows += copies.take().get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                        snapshot.abort();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    snapshot.abort();
                    throw new SQLException("copy of " + source.qualifiedName() + " interrupted", e);
                }
            }
            if (failure != null) {
                throw rethrown(failure);
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private long copyRange(TableCopier rangeCopier, Connection reader, SourceTable source, PgTable target,
                           String loadingSchema, String range, TableProgress progress) throws SQLException {
        try (Connection pg = postgres.connect()) {
            pg.setAutoCommit(false);
            long rows = rangeCopier.copy(reader, source, target, loadingSchema, pg, range, progress);
            pg.commit();
            return rows;
        }
    }

    private static SQLException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime; // BadDataException keeps its type: it names the row and column
        }
        if (failure instanceof SQLException sql) {
            return sql;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new SQLException(failure.getMessage(), failure);
    }
}
