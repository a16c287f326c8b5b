package io.chameleon.copy;

import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;
import io.chameleon.schema.TableDdl;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Loads one table into its loading schema: snapshot with coordinates, streaming COPY (of key ranges read at once
 * by readers sharing the snapshot, for a large table), then (after the data, which
 * is faster than maintaining them row by row) the primary key and indexes, and identity sequences moved past the
 * copied maximum.
 */
final class TableLoader {

    private static final Logger LOG = Logger.getLogger(TableLoader.class);

    private final PostgresConnector postgres;
    private final SnapshotTaker snapshots;
    private final TableCopier copier;
    private final DiscardedRows discarded;
    private final long splitRows;
    private final int maxRanges;
    private final SpareReaders spareReaders;
    private final boolean inPlace;

    /**
     * @param splitRows    tables estimated at this many rows or more are copied in key ranges; 0 never
     * @param maxRanges    readers of one table at most
     * @param spareReaders readers the split tables share beyond their first
     * @param inPlace      keep_existing_schema: load the destination table itself, whose keys and indexes are
     *                     the user's ({@link ExistingTables} restores them), instead of a loading schema
     */
    TableLoader(PostgresConnector postgres, SnapshotTaker snapshots, TableCopier copier, DiscardedRows discarded,
                long splitRows, int maxRanges, SpareReaders spareReaders, boolean inPlace) {
        this.postgres = postgres;
        this.snapshots = snapshots;
        this.copier = copier;
        this.discarded = discarded;
        this.splitRows = splitRows;
        this.maxRanges = maxRanges;
        this.spareReaders = spareReaders;
        this.inPlace = inPlace;
    }

    CopiedTable load(SourceTable source, PgTable target, String destination, boolean withData, TableProgress progress)
            throws SQLException {
        String loading = inPlace ? destination : LoadingSchemas.loading(destination);
        progress.started();
        discarded.forgetPrevious(source);
        Optional<SourceColumn> splitColumn = withData && splits(source) ? KeyRanges.splitColumn(source)
                : Optional.empty();
        int extraReaders = splitColumn.isPresent() ? spareReaders.borrowUpTo(maxRanges - 1) : 0;
        try {
            return copyAndIndex(source, target, destination, withData, progress, loading,
                    extraReaders > 0 ? splitColumn : Optional.empty(), 1 + extraReaders);
        } finally {
            spareReaders.giveBack(extraReaders);
        }
    }

    private CopiedTable copyAndIndex(SourceTable source, PgTable target, String destination, boolean withData,
                                     TableProgress progress, String loading, Optional<SourceColumn> splitColumn,
                                     int readerCount) throws SQLException {
        long rows = 0;
        Duration lockHeld;
        long began = System.nanoTime();
        TableSnapshot snapshot = snapshots.take(source, readerCount);
        long snapshotTaken = System.nanoTime();
        int rangeCount = 1;
        long copied;
        try (Connection pg = postgres.connect()) {
            if (splitColumn.isPresent()) {
                List<String> ranges = KeyRanges.of(snapshot.readers().get(0), source, splitColumn.get(),
                        readerCount);
                rangeCount = ranges.size();
                rows = new RangeCopies(postgres, copier).copy(snapshot, ranges, source, target, loading, progress);
            } else if (withData) {
                pg.setAutoCommit(false);
                rows = copier.copy(snapshot.readers().get(0), source, target, loading, pg, null, progress);
                pg.commit();
                pg.setAutoCommit(true);
            }
            snapshot.close();
            lockHeld = snapshot.lockHeld();
            copied = System.nanoTime();
            if (!inPlace) {
                buildKeys(pg, target, loading);
            }
        } finally {
            snapshot.close();
        }
        discarded.flush();
        progress.finished();
        CopyPhases phases = new CopyPhases(rangeCount, Duration.ofNanos(snapshotTaken - began),
                Duration.ofNanos(copied - snapshotTaken), Duration.ofNanos(System.nanoTime() - copied));
        LOG.debugf("event=table_copied table=%s rows=%d ranges=%d snapshot_ms=%d lock_ms=%d copy_ms=%d keys_ms=%d",
                source.qualifiedName(), rows, rangeCount, phases.snapshot().toMillis(), lockHeld.toMillis(),
                phases.copy().toMillis(), phases.keys().toMillis());
        return new CopiedTable(source, target, destination, snapshot.position(), rows, progress.bytes(),
                progress.discarded(), progress.nulled(), lockHeld, phases);
    }

    /** The primary key and indexes, after the data; identity sequences past the copied maximum. */
    private static void buildKeys(Connection pg, PgTable target, String loading) throws SQLException {
        try (Statement st = pg.createStatement()) {
            for (String ddl : TableDdl.primaryKey(target, loading).stream().toList()) {
                st.execute(ddl);
            }
            for (String ddl : TableDdl.indexes(target, loading)) {
                st.execute(ddl);
            }
            for (PgColumn column : target.columns()) {
                if (column.identity()) {
                    st.execute(TableDdl.sequencePastMaximum(loading, target.name(), column.name()));
                }
            }
        }
    }

    /** Large transactional tables only: a non-transactional one stays under its read lock with one reader. */
    private boolean splits(SourceTable source) {
        return source.transactional() && maxRanges > 1 && splitRows > 0 && source.estimatedRows() >= splitRows;
    }
}
