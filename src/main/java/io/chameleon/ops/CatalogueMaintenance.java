package io.chameleon.ops;

import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.catalogue.MaintenanceRepository;
import io.chameleon.catalogue.MaintenanceRepository.Figures;
import io.chameleon.catalogue.MaintenanceRepository.Vacuumed;
import io.chameleon.catalogue.changelog.ReplayProgress;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.StateException;
import io.chameleon.output.TextTable;
import io.chameleon.postgres.PostgresConnector;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What maintenance means for our catalogue, for one source: replayed batches past batch_retention deleted and
 * fully replayed change-log partitions dropped (the replay does both every minute while it runs; this does it for
 * a stopped replica too), replay errors and discarded-row records past error_retention deleted, then VACUUM
 * (ANALYZE) of the catalogue tables, or VACUUM FULL on request. Each step is its own short transaction, so the
 * reader and the replay go on meanwhile; only VACUUM FULL holds a lock that stops them, one table at a time.
 */
public final class CatalogueMaintenance {

    /** Longest wait for a table's exclusive lock under VACUUM FULL; the replica queues behind a waiting request. */
    static final Duration FULL_LOCK_WAIT = Duration.ofSeconds(2);

    /** What one pass did. */
    public record Report(String source, boolean full, Figures before, Figures after, int deletedBatches,
                         List<String> droppedPartitions, int deletedErrors, int deletedDiscardedRows,
                         List<Vacuumed> vacuumed, Duration took) {

        /** The figures before and after, and each table vacuumed, as printed by run_maintenance. */
        public String render() {
            TextTable figures = new TextTable("Catalogue of " + source, "Before", "After", "Removed");
            figures.row("log batches", before.batches(), after.batches(), deletedBatches);
            figures.row("change-log partitions", before.changeLogPartitions(), after.changeLogPartitions(),
                    droppedPartitions.size());
            figures.row("replay errors", before.replayErrors(), after.replayErrors(), deletedErrors);
            figures.row("discarded rows", before.discardedRows(), after.discardedRows(), deletedDiscardedRows);
            figures.row("catalogue size", bytes(before.catalogueBytes()), bytes(after.catalogueBytes()),
                    bytes(Math.max(0, before.catalogueBytes() - after.catalogueBytes())));
            TextTable tables = new TextTable(full ? "VACUUM FULL" : "VACUUM", "Size before", "Size after");
            for (Vacuumed v : vacuumed) {
                tables.row(v.table() + (v.skipped() ? " (skipped: locked)" : ""), bytes(v.bytesBefore()),
                        bytes(v.bytesAfter()));
            }
            return figures.render() + tables.render() + "Maintenance of source " + source + " done in "
                    + took.toMillis() + " ms.\n";
        }

        /** One line for the replica's log. */
        public String logLine() {
            return "source=" + source + " full=" + full + " deleted_batches=" + deletedBatches
                    + " dropped_partitions=" + droppedPartitions.size() + " deleted_errors=" + deletedErrors
                    + " deleted_discarded_rows=" + deletedDiscardedRows + " catalogue_bytes_before="
                    + before.catalogueBytes() + " catalogue_bytes_after=" + after.catalogueBytes()
                    + " skipped_tables=" + vacuumed.stream().filter(Vacuumed::skipped).count()
                    + " took_ms=" + took.toMillis();
        }
    }

    private final PostgresConnector postgres;
    private final String catalogueSchema;
    private final SourceConfig source;

    public CatalogueMaintenance(PostgresConnector postgres, String catalogueSchema, SourceConfig source) {
        this.postgres = postgres;
        this.catalogueSchema = catalogueSchema;
        this.source = source;
    }

    public Report run(int sourceId, boolean full) {
        long started = System.nanoTime();
        try (Connection c = postgres.connect()) {
            c.setAutoCommit(true);
            MaintenanceRepository maintenance = new MaintenanceRepository(c, catalogueSchema);
            Figures before = maintenance.figures(sourceId);
            ReplayProgress progress = new ReplayProgress(c, catalogueSchema);
            int deletedBatches = progress.deleteReplayedBefore(sourceId, source.batchRetention());
            Optional<Long> lastReplayed = progress.lastBatchId(sourceId);
            List<String> dropped = lastReplayed.isPresent()
                    ? new ChangeLogPartitions(catalogueSchema).dropConsumed(c, lastReplayed.get()) : List.of();
            int errors = 0;
            int discarded = 0;
            if (source.errorRetention().isPresent()) {
                errors = maintenance.deleteReplayErrorsBefore(sourceId, source.errorRetention().get());
                discarded = maintenance.deleteDiscardedRowsBefore(sourceId, source.errorRetention().get());
            }
            List<Vacuumed> vacuumed = maintenance.vacuum(full, full ? FULL_LOCK_WAIT : Duration.ofMinutes(1));
            maintenance.recordMaintained(sourceId);
            Figures after = maintenance.figures(sourceId);
            return new Report(source.name(), full, before, after, deletedBatches, dropped, errors, discarded,
                    vacuumed, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new StateException("maintenance of source " + source.name() + " failed: " + e.getMessage(), e);
        }
    }

    private static String bytes(long bytes) {
        if (bytes < 10 * 1024) {
            return bytes + " B";
        }
        if (bytes < 10L * 1024 * 1024) {
            return bytes / 1024 + " kB";
        }
        return bytes / (1024 * 1024) + " MB";
    }
}
