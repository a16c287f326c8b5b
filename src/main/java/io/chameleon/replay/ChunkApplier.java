package io.chameleon.replay;

import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.RowLayoutRepository.RowLayout;
import io.chameleon.catalogue.changelog.ChangeLogFormat;
import io.chameleon.catalogue.changelog.ChunkQueries;
import io.chameleon.config.ErrorPolicy;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies the change-log events of a chunk of batches inside the caller's transaction. Truncates and schema
 * changes are barriers splitting the chunk into segments; each segment is applied with one
 * {@link NetEffectStatement} per table, each under a savepoint so that one failing table can be set aside
 * (on_error_replay: continue) while the others go on.
 */
final class ChunkApplier {

    private static final Logger LOG = Logger.getLogger(ChunkApplier.class);

    /** Thrown under on_error_replay: exit; the caller rolls the transaction back. */
    static final class ReplayStopped extends Exception {
        private final transient ReplayFailure failure;

        ReplayStopped(ReplayFailure failure, SQLException cause) {
            super(failure.describe(), cause);
            this.failure = failure;
        }

        ReplayFailure failure() {
            return failure;
        }
    }

    private record Barrier(EventPosition position, char operation, Integer tableId, String ddl, String binlogFile,
                           long binlogPosition) {
    }

    /**
     * A table's row events in a segment: how many, the layouts of their images, and the bytes of their after images
     * (null when not known), whose average picks the form of the table's statement.
     */
    private static final class TableRows {
        private long count;
        private final List<Integer> layoutIds = new ArrayList<>();
        private Long imageBytes;
    }

    private record LoggedEvent(EventPosition position, String binlogFile, long binlogPosition) {
    }

    private final Connection connection;
    private final String catalogue;
    private final int sourceId;
    private final ErrorPolicy policy;
    private final ChunkQueries queries;
    private final ReplayErrorLog errorLog;
    private final Map<Integer, ReplayTable> tables = new HashMap<>();
    private final RowLayoutRepository layoutRepository;
    private final RowLayoutCache layouts;
    private final Map<Integer, Long> appliedPerTable = new HashMap<>();
    private final SequenceFollower sequences;
    private final List<ReplayFailure> disabled = new ArrayList<>();
    private long rows;
    private long ddl;
    private long skipped;

    ChunkApplier(Connection connection, String catalogue, int sourceId, ErrorPolicy policy) {
        this(connection, catalogue, sourceId, policy, new SequenceFollower(), new RowLayoutCache());
    }

    /** @param sequences and layouts outlive the chunk: the worker keeps them between its chunks */
    ChunkApplier(Connection connection, String catalogue, int sourceId, ErrorPolicy policy,
                 SequenceFollower sequences, RowLayoutCache layouts) {
        this.connection = connection;
        this.sequences = sequences;
        this.layouts = layouts;
        this.catalogue = catalogue;
        this.sourceId = sourceId;
        this.policy = policy;
        this.queries = new ChunkQueries(catalogue);
        this.errorLog = new ReplayErrorLog(catalogue);
        this.layoutRepository = new RowLayoutRepository(connection, catalogue);
    }

    /** Applies the batches (ids in order); returns rows, ddl and skipped counts (batches left 0). */
    ReplayResult apply(List<Long> batchIds) throws SQLException, ReplayStopped {
        sequences.startChunk();
        EventRange chunk = new EventRange(batchIds, EventPosition.BEFORE_ALL, EventPosition.AFTER_ALL);
        List<Barrier> barriers = barriers(chunk);
        if (barriers.isEmpty()) {
            // one segment, every row of the batches: their summaries describe it exactly (the summaries count
            // truncates with the rows, so a chunk with barriers counts its segments' rows instead)
            Optional<Map<Integer, TableRows>> recorded = recordedRowCounts(batchIds);
            applySegment(chunk, recorded.isPresent() ? recorded.get() : rowCounts(chunk));
        } else {
            EventPosition from = EventPosition.BEFORE_ALL;
            for (Barrier barrier : barriers) {
                EventRange segment = new EventRange(batchIds, from, barrier.position());
                applySegment(segment, rowCounts(segment));
                applyBarrier(barrier);
                from = barrier.position();
            }
            EventRange last = new EventRange(batchIds, from, EventPosition.AFTER_ALL);
            applySegment(last, rowCounts(last));
        }
        sequences.advance(connection);
        recordAppliedPerTable();
        return new ReplayResult(0, rows, ddl, skipped);
    }

    /** @param counts the segment's row events per table, in table id order */
    private void applySegment(EventRange segment, Map<Integer, TableRows> counts) throws SQLException, ReplayStopped {
        loadTables(counts.keySet(), segment.after().equals(EventPosition.BEFORE_ALL)
                ? new EventPosition(segment.batchIds().get(0), 0) : segment.after());
        List<Integer> layoutIds = new ArrayList<>();
        counts.values().forEach(rows -> layoutIds.addAll(rows.layoutIds));
        layouts.load(layoutIds, layoutRepository);
        for (Map.Entry<Integer, TableRows> entry : counts.entrySet()) {
            ReplayTable table = entry.getKey() == null ? null : tables.get(entry.getKey());
            long count = entry.getValue().count;
            if (table == null || !table.applied()) {
                skipped += count;
                continue;
            }
            Map<Integer, RowLayout> rowLayouts = layoutsOf(entry.getValue().layoutIds);
            NetEffectStatement.Form form = NetEffectStatement.Form.forImages(entry.getValue().imageBytes, count);
            String sql = NetEffectStatement.sql(catalogue, table, rowLayouts, segment, form);
            SQLException error = runGuarded(sql, table);
            if (error == null) {
                rows += count;
                appliedPerTable.merge(table.tableId(), count, Long::sum);
            } else {
                ReplayFailure failure = pinpoint(table, rowLayouts, form, segment, sql, error);
                setAside(table, failure, error);
                skipped += count;
            }
        }
    }

    private void applyBarrier(Barrier barrier) throws SQLException, ReplayStopped {
        if (barrier.tableId() != null) {
            loadTables(List.of(barrier.tableId()), barrier.position());
        }
        ReplayTable table = barrier.tableId() == null ? null : tables.get(barrier.tableId());
        boolean truncate = barrier.operation() == ChangeLogFormat.TRUNCATE;
        boolean apply = truncate ? table != null && table.applied() : table == null || table.followsStructure();
        if (!apply) {
            skipped++;
            return;
        }
        String sql = truncate ? "TRUNCATE " + table.quotedName() : barrier.ddl();
        SQLException error = runGuarded(sql);
        if (error == null) {
            if (truncate) {
                rows++;
                appliedPerTable.merge(table.tableId(), 1L, Long::sum);
            } else {
                ddl++;
                tables.clear(); // keys or names may have changed with the schema
            }
            return;
        }
        execute("RELEASE SAVEPOINT replay_table");
        setAside(table, failure(table, barrier.position().batchId(), barrier.binlogFile(), barrier.binlogPosition(),
                sql, error), error);
        skipped++;
    }

    /** The failures that switched tables off in this chunk (on_error_replay: continue), once it is committed. */
    List<ReplayFailure> disabledTables() {
        return List.copyOf(disabled);
    }

    /** Per-table counters of show_status, in the transaction of the applied rows. */
    private void recordAppliedPerTable() throws SQLException {
        if (appliedPerTable.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(queries.countApplied())) {
            ps.setArray(1, connection.createArrayOf("integer", appliedPerTable.keySet().toArray()));
            ps.setArray(2, connection.createArrayOf("bigint", appliedPerTable.values().toArray()));
            ps.executeUpdate();
        }
    }

    /** Disables the table and records why (continue), or stops the replay (exit). */
    private void setAside(ReplayTable table, ReplayFailure failure, SQLException error) throws SQLException,
            ReplayStopped {
        if (policy == ErrorPolicy.EXIT) {
            throw new ReplayStopped(failure, error);
        }
        if (table != null) {
            try (PreparedStatement ps = connection.prepareStatement(queries.disableTable())) {
                ps.setInt(1, table.tableId());
                ps.executeUpdate();
            }
            tables.put(table.tableId(), table.disabled());
        }
        errorLog.write(connection, failure);
        disabled.add(failure);
        LOG.warnf("event=replay_table_disabled source=%d table=%s.%s binlog=%s:%s batch=%s sqlstate=%s message=\"%s\"",
                sourceId, failure.destinationSchema(), failure.tableName(), failure.binlogFile(),
                failure.binlogPosition(), failure.batchId(), failure.sqlState(), failure.message());
    }

    /**
     * Re-applies the table's events one at a time, still inside its rolled-back savepoint, to name the first event
     * that fails, with statements of the segment's form; then discards all of it. Falls back to the segment's first
     * event when none fails alone.
     */
    private ReplayFailure pinpoint(ReplayTable table, Map<Integer, RowLayout> rowLayouts,
                                   NetEffectStatement.Form form, EventRange segment, String sql, SQLException error)
            throws SQLException {
        ReplayFailure first = null;
        List<LoggedEvent> events = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(queries.eventsOf(table.tableId(), segment.predicate()))) {
            while (rs.next()) {
                events.add(new LoggedEvent(new EventPosition(rs.getLong(1), rs.getInt(2)), rs.getString(3),
                        rs.getLong(4)));
            }
        }
        try (Statement st = connection.createStatement()) {
            for (LoggedEvent event : events) {
                String single = NetEffectStatement.sql(catalogue, table, rowLayouts,
                        EventRange.single(event.position()), form);
                if (first == null) {
                    first = failure(table, event.position().batchId(), event.binlogFile(), event.binlogPosition(),
                            sql, error);
                }
                try {
                    st.execute(single);
                } catch (SQLException e) {
                    first = failure(table, event.position().batchId(), event.binlogFile(), event.binlogPosition(),
                            single, e);
                    break;
                }
            }
        }
        execute("ROLLBACK TO SAVEPOINT replay_table; RELEASE SAVEPOINT replay_table");
        return first != null ? first : failure(table, segment.batchIds().get(0), null, null, sql, error);
    }

    /** Runs the statement under savepoint replay_table; on failure rolls back to it (keeping it) and returns why. */
    private SQLException runGuarded(String sql) throws SQLException {
        return runGuarded(sql, null);
    }

    /** The same, passing the maxima a net-effect statement of {@code table} returns to the sequence follower. */
    private SQLException runGuarded(String sql, ReplayTable table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            boolean isResult = st.execute("SAVEPOINT replay_table; " + sql + "; RELEASE SAVEPOINT replay_table");
            while (isResult || st.getUpdateCount() != -1) {
                if (isResult && table != null) {
                    try (ResultSet rs = st.getResultSet()) {
                        if (rs.next()) {
                            List<Long> maxima = new ArrayList<>();
                            for (int i = 1; i <= table.sequenced().size(); i++) {
                                long value = rs.getLong(i);
                                maxima.add(rs.wasNull() ? null : value);
                            }
                            sequences.wrote(table.sequenced(), maxima);
                        }
                    }
                }
                isResult = st.getMoreResults();
            }
            return null;
        } catch (SQLException e) {
            execute("ROLLBACK TO SAVEPOINT replay_table");
            return e;
        }
    }

    private ReplayFailure failure(ReplayTable table, Long batchId, String file, Long position, String sql,
                                  SQLException error) {
        return new ReplayFailure(sourceId, batchId, table == null ? null : table.destinationSchema(),
                table == null ? null : table.tableName(), file, position, sql, error.getSQLState(),
                error.getMessage());
    }

    private List<Barrier> barriers(EventRange chunk) throws SQLException {
        List<Barrier> barriers = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(queries.barriers(chunk.predicate()))) {
            while (rs.next()) {
                int tableId = rs.getInt(4);
                barriers.add(new Barrier(new EventPosition(rs.getLong(1), rs.getInt(2)), rs.getString(3).charAt(0),
                        rs.wasNull() ? null : tableId, rs.getString(5), rs.getString(6), rs.getLong(7)));
            }
        }
        return barriers;
    }

    private Map<Integer, TableRows> rowCounts(EventRange segment) throws SQLException {
        Map<Integer, TableRows> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(queries.rowCounts(segment.predicate()))) {
            while (rs.next()) {
                int id = rs.getInt(1);
                TableRows rows = counts.computeIfAbsent(rs.wasNull() ? null : id, t -> new TableRows());
                int layoutId = rs.getInt(2);
                if (!rs.wasNull()) {
                    rows.layoutIds.add(layoutId);
                }
                rows.count += rs.getLong(3);
                rows.imageBytes = (rows.imageBytes == null ? 0 : rows.imageBytes) + rs.getLong(4); // NULL: deletes
            }
        }
        return counts;
    }

    /**
     * The row events per table of a chunk without barriers, their layouts and image bytes (unknown for a table when
     * a batch recorded none, as in a catalogue upgraded while it was being logged), from the summaries the reader
     * recorded with each batch: a few values per batch instead of a scan of every row of the chunk. Exact only for
     * such a chunk, whose one segment is every row of its batches: a batch's table_rows counts its truncates too.
     * Empty when a batch has no summary (logged before catalogue version 13) or lists a layout the catalogue lacks
     * (the scan then reports it, as it always has, if a replicated table's rows use it).
     */
    private Optional<Map<Integer, TableRows>> recordedRowCounts(List<Long> batchIds) throws SQLException {
        Map<Integer, TableRows> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(queries.recordedRowCounts())) {
            ps.setArray(1, connection.createArrayOf("bigint", batchIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != batchIds.size() || rs.getLong(2) > 0) {
                        return Optional.empty();
                    }
                    int tableId = rs.getInt(3);
                    if (rs.wasNull()) {
                        continue; // no row events at all
                    }
                    TableRows rows = new TableRows();
                    rows.count = rs.getLong(4);
                    Array layoutIds = rs.getArray(5);
                    if (layoutIds != null) {
                        rows.layoutIds.addAll(Arrays.asList((Integer[]) layoutIds.getArray()));
                    }
                    long imageBytes = rs.getLong(6);
                    rows.imageBytes = rs.wasNull() ? null : imageBytes;
                    counts.put(tableId, rows);
                }
            }
        }
        return Optional.of(counts);
    }

    /**
     * The layouts with these ids (loaded for the segment), in id order (statements come out the same for the same
     * layouts).
     */
    private Map<Integer, RowLayout> layoutsOf(List<Integer> ids) throws SQLException {
        Map<Integer, RowLayout> found = new TreeMap<>();
        for (Integer id : ids) {
            RowLayout layout = layouts.get(id);
            if (layout == null) {
                throw new SQLException("row layout " + id + " of the change log is missing from the catalogue");
            }
            found.put(id, layout);
        }
        return found;
    }

    /** Loads the tables not loaded yet, named as they were at {@code position} (see ChunkQueries#tables). */
    private void loadTables(Collection<Integer> ids, EventPosition position) throws SQLException {
        Integer[] missing = ids.stream().filter(id -> id != null && !tables.containsKey(id)).toArray(Integer[]::new);
        if (missing.length == 0) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(queries.tables())) {
            ps.setLong(1, position.batchId());
            ps.setInt(2, position.eventSeq());
            ps.setLong(3, position.batchId());
            ps.setInt(4, position.eventSeq());
            ps.setInt(5, sourceId);
            ps.setArray(6, connection.createArrayOf("integer", missing));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> keyColumns = texts(rs.getArray(4));
                    List<String> keyTypes = texts(rs.getArray(6));
                    if (keyTypes != null && (keyColumns == null || keyTypes.size() != keyColumns.size())) {
                        keyTypes = null;
                    }
                    List<String> columns = texts(rs.getArray(7));
                    List<String> columnTypes = texts(rs.getArray(8));
                    tables.put(rs.getInt(1), new ReplayTable(rs.getInt(1), rs.getString(2), rs.getString(3),
                            keyColumns, keyTypes, columns, columnTypes, rs.getBoolean(5),
                            sequenced(texts(rs.getArray(9)), rs.getArray(10)), rs.getBoolean(11)));
                }
            }
        }
    }

    private static List<ReplayTable.SequencedColumn> sequenced(List<String> columns, Array oids) throws SQLException {
        if (columns == null || oids == null) {
            return List.of();
        }
        Long[] ids = (Long[]) oids.getArray();
        List<ReplayTable.SequencedColumn> sequenced = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            sequenced.add(new ReplayTable.SequencedColumn(columns.get(i), ids[i]));
        }
        return sequenced;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
