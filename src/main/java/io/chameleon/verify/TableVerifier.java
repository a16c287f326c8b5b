package io.chameleon.verify;

import io.chameleon.catalogue.AppliedHorizon;
import io.chameleon.copy.ChunkCopy;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MasterStatus;
import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceDialect;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one table chunk by chunk: the source rows of a key range are copied into a temporary table through the
 * copy's codecs and compared with the replica's rows of that range in PostgreSQL. A chunk that differs may only be
 * behind: it is compared again once the replica has passed the source position read right after the source chunk,
 * then read again from the source and compared once the replica passed the new position, up to {@code rechecks}
 * times; a key reported differs at every attempt. Memory: one row at a time on the way in, the differing keys of one chunk on the way out.
 */
final class TableVerifier {

    /** Answers where the replica stands (the catalogue). */
    @FunctionalInterface
    interface Horizon {
        AppliedHorizon read() throws SQLException;
    }

    private static final long POLL_MILLIS = 20;
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final Connection mysql;
    private final SourceDialect dialect;
    private final Connection pg;
    private final ChunkCopy copy;
    private final Horizon horizon;
    private final VerifySettings settings;
    private final Throttle throttle;
    private final PrintWriter out;

    TableVerifier(Connection mysql, SourceDialect dialect, Connection pg, ChunkCopy copy, Horizon horizon,
                  VerifySettings settings, Throttle throttle, PrintWriter out) {
        this.mysql = mysql;
        this.dialect = dialect;
        this.pg = pg;
        this.copy = copy;
        this.horizon = horizon;
        this.settings = settings;
        this.throttle = throttle;
        this.out = out;
    }

    /** @param key the replica key, as source column names */
    TableResult verify(SourceTable source, PgTable replica, List<String> key) throws SQLException,
            InterruptedException {
        String name = source.schema() + "." + source.name();
        String replicaName = PgIdentifiers.qualified(replica.schema(), replica.name());
        String copyName = PgIdentifiers.qualified("pg_temp", replica.name());
        execute("DROP TABLE IF EXISTS " + copyName);
        execute("CREATE TEMPORARY TABLE " + PgIdentifiers.quote(replica.name()) + " (LIKE " + replicaName + ")");
        try {
            List<String> pgKey = key.stream().map(k -> replicaColumn(source, replica, k)).toList();
            List<String> columns = replica.columns().stream().map(PgColumn::name).toList();
            KeyRangeChunks chunks = chunks(source, replica);
            long rows = 0;
            int rechecks = 0;
            List<Difference> found = new ArrayList<>();
            long[] counts = new long[Difference.Kind.values().length];
            long lastProgress = System.nanoTime();
            int done = 0;
            for (KeyRangeChunks.Chunk chunk : chunks.chunks()) {
                ChunkComparison comparison = new ChunkComparison(replicaName, copyName, columns, pgKey,
                        chunk.postgres());
                Loaded loaded = load(source, replica, chunk, copyName);
                rows += loaded.rows();
                throttle.read(loaded.rows());
                List<Difference> differences = comparison.differences(pg);
                for (int attempt = 1; !differences.isEmpty() && attempt <= settings.rechecks(); attempt++) {
                    rechecks++;
                    if (attempt > 1) {
                        loaded = load(source, replica, chunk, copyName);
                        throttle.read(loaded.rows());
                    }
                    awaitReplicaPast(loaded.position(), name);
                    differences = stillDiffering(differences, comparison.differences(pg));
                }
                for (Difference difference : differences) {
                    counts[difference.kind().ordinal()]++;
                    if (found.size() < settings.shownPerTable()) {
                        found.add(difference);
                    }
                }
                done++;
                if (System.nanoTime() - lastProgress > PROGRESS_NANOS && done < chunks.chunks().size()) {
                    out.printf("  %s: chunk %d of %d, %d rows compared%n", name, done, chunks.chunks().size(), rows);
                    out.flush();
                    lastProgress = System.nanoTime();
                }
            }
            return new TableResult(name, rows, counts[Difference.Kind.MISSING.ordinal()],
                    counts[Difference.Kind.EXTRA.ordinal()], counts[Difference.Kind.DIFFERENT.ordinal()],
                    List.copyOf(found), rechecks);
        } finally {
            execute("DROP TABLE IF EXISTS " + copyName);
        }
    }

    /**
     * The differences of {@code now} whose key also differed before. Under a steady workload the replica may be a
     * little ahead of the source chunk it is compared with (it applied changes committed after the source was
     * read); such a key matches at some attempt, while a row that replication got wrong differs at every one.
     */
    private static List<Difference> stillDiffering(List<Difference> before, List<Difference> now) {
        Set<String> keys = new HashSet<>();
        before.forEach(d -> keys.add(d.key()));
        return now.stream().filter(d -> keys.contains(d.key())).toList();
    }

    private record Loaded(long rows, BinlogPosition position) {
    }

    /** The source chunk into the temporary table, and the source position right after it was read. */
    private Loaded load(SourceTable source, PgTable replica, KeyRangeChunks.Chunk chunk, String copyName)
            throws SQLException {
        execute("TRUNCATE " + copyName);
        long rows = copy.copy(mysql, source, replica, "pg_temp", pg, chunk.mysql());
        return new Loaded(rows, MasterStatus.current(mysql, dialect));
    }

    /** Waits until the replica holds every source change before {@code position}, or the wait limit passed. */
    private void awaitReplicaPast(BinlogPosition position, String table) throws SQLException, InterruptedException {
        long end = System.nanoTime() + settings.waitLimit().toNanos();
        while (!horizon.read().passed(position)) {
            if (System.nanoTime() - end > 0) {
                out.printf("  %s: the replica did not pass source position %s within %d s (is it running?);"
                        + " comparing as it is%n", table, position, settings.waitLimit().toSeconds());
                out.flush();
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private KeyRangeChunks chunks(SourceTable source, PgTable replica) throws SQLException {
        Optional<SourceColumn> column = ChunkCopy.rangeColumn(source);
        if (column.isEmpty()) {
            return KeyRangeChunks.whole();
        }
        String quoted = MySqlIdentifiers.quote(column.get().name());
        try (Statement st = mysql.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(" + quoted + "), MAX("
                + quoted + ") FROM " + MySqlIdentifiers.qualified(source.schema(), source.name()))) {
            rs.next();
            String min = rs.getString(1);
            if (min == null) {
                return KeyRangeChunks.whole();
            }
            return KeyRangeChunks.of(column.get().name(), replicaColumn(source, replica, column.get().name()),
                    new BigInteger(min), new BigInteger(rs.getString(2)), source.estimatedRows(),
                    settings.chunkRows());
        }
    }

    /** The replica's name of a source column: the mapped column at the same place. */
    private static String replicaColumn(SourceTable source, PgTable replica, String sourceColumn) {
        for (int i = 0; i < source.columns().size(); i++) {
            if (source.columns().get(i).name().equalsIgnoreCase(sourceColumn)) {
                return replica.columns().get(i).name();
            }
        }
        throw new IllegalStateException("key column " + sourceColumn + " is not a column of "
                + source.qualifiedName());
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute(sql);
        }
    }
}
