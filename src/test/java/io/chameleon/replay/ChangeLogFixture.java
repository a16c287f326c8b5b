package io.chameleon.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chameleon.capture.values.TextArrayImage;
import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.ChangeLogPartitions;
import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.testsupport.PostgresDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays the reader in replay tests: a fresh catalogue with one source, registered target tables, and committed
 * log batches written straight into log_batch and change_log.
 */
final class ChangeLogFixture implements AutoCloseable {

    static final String CATALOGUE = "replay_cat";
    static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresDatabase database;
    private final Connection connection;
    private final ChangeLogPartitions partitions = new ChangeLogPartitions(CATALOGUE);
    private final RowLayoutRepository layouts;
    /** Layout ids by table, columns and key columns (cleared when a batch rolls back with new ones). */
    private final Map<List<Object>, Integer> layoutIds = new HashMap<>();
    private int sourceId;
    private long nextPosition = 4;

    ChangeLogFixture(PostgresDatabase database) throws SQLException {
        this.database = database;
        this.connection = database.connect();
        this.layouts = new RowLayoutRepository(connection, CATALOGUE);
    }

    /** Drops and recreates the catalogue and the destination schema, registers source "shop". */
    ChangeLogFixture fresh(String destinationSchema) throws SQLException {
        Catalogue catalogue = new Catalogue(connection, CATALOGUE, "test");
        catalogue.drop();
        catalogue.create();
        layoutIds.clear();
        database.execute("DROP SCHEMA IF EXISTS " + destinationSchema + " CASCADE", "CREATE SCHEMA " + destinationSchema);
        sourceId = new SourceRepository(connection, CATALOGUE).register("shop", "mysql",
                Map.of("shop_db", destinationSchema)).id();
        return this;
    }

    int sourceId() {
        return sourceId;
    }

    Connection connection() {
        return connection;
    }

    /** Registers a replicated table (already created in the target) and returns its table_id. */
    int table(String schema, String name, String... keyColumns) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + CATALOGUE + ".replicated_table"
                + " (source_id, origin_schema, table_name, destination_schema, key_columns)"
                + " VALUES (?, 'shop_db', ?, ?, ?) RETURNING table_id")) {
            ps.setInt(1, sourceId);
            ps.setString(2, name);
            ps.setString(3, schema);
            ps.setArray(4, keyColumns.length == 0 ? null : connection.createArrayOf("text", keyColumns));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    Batch batch() {
        return new Batch();
    }

    ReplayWorker worker(ReplaySettings settings) {
        return new ReplayWorker(database::connect, CATALOGUE, sourceId, settings);
    }

    /**
     * A row image: alternating column names and values (strings, null, or maps/lists for json columns). The change
     * log stores it as the reader does: the values' texts in a text array, the names in a row layout.
     */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> image = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            image.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return image;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private record Event(Integer tableId, char operation, Map<String, Object> before, Map<String, Object> after,
                         String ddl) {
    }

    /**
     * One log batch of whole source transactions, committed by {@link #commit()} with the summary the reader records
     * (row changes and after-image bytes per table, layouts of the images) unless told it was logged before a
     * catalogue version had it.
     */
    final class Batch {
        private final List<Event> events = new ArrayList<>();
        private int transactions = 1;
        private boolean countsRecorded = true;
        private boolean layoutsRecorded = true;
        private boolean imageBytesRecorded = true;

        Batch insert(int tableId, Map<String, Object> after) {
            return add(new Event(tableId, 'I', null, after, null));
        }

        Batch update(int tableId, Map<String, Object> before, Map<String, Object> after) {
            return add(new Event(tableId, 'U', before, after, null));
        }

        Batch delete(int tableId, Map<String, Object> image) {
            return add(new Event(tableId, 'D', image, null, null));
        }

        Batch truncate(int tableId) {
            return add(new Event(tableId, 'T', null, null, null));
        }

        Batch ddl(Integer tableId, String sql) {
            return add(new Event(tableId, 'S', null, null, sql));
        }

        /** Marks the events so far as a further source transaction (only counted; replay never splits a batch). */
        Batch transactions(int count) {
            this.transactions = count;
            return this;
        }

        /** As logged before catalogue version 13: row changes per table recorded, no layouts nor image bytes. */
        Batch withoutLayouts() {
            this.layoutsRecorded = false;
            this.imageBytesRecorded = false;
            return this;
        }

        /** A summary with layouts but no image bytes (which no reader writes): the images' size is unknown. */
        Batch withoutImageBytes() {
            this.imageBytesRecorded = false;
            return this;
        }

        /** As logged before catalogue version 9: no summary at all. */
        Batch withoutSummary() {
            this.countsRecorded = false;
            this.layoutsRecorded = false;
            this.imageBytesRecorded = false;
            return this;
        }

        private Batch add(Event event) {
            events.add(event);
            return this;
        }

        /** Writes the batch and its rows in one transaction, as the reader does; returns the batch id. */
        long commit() throws SQLException {
            connection.setAutoCommit(false);
            try {
                long start = nextPosition;
                long batchId;
                List<Integer> eventLayouts = new ArrayList<>();
                Map<Integer, Integer> rowsPerTable = new TreeMap<>();
                Map<Integer, Long> imageBytesPerTable = new TreeMap<>();
                for (Event event : events) {
                    eventLayouts.add(layoutOf(event));
                    if (event.operation() != 'S') {
                        rowsPerTable.merge(event.tableId(), 1, Integer::sum);
                        // as the reader measures it: the length of the after image in its binary form
                        imageBytesPerTable.merge(event.tableId(), event.after() == null ? 0L
                                : TextArrayImage.of(texts(event.after()).toArray(String[]::new)).length, Long::sum);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + CATALOGUE + ".log_batch"
                        + " (source_id, start_binlog_file, start_binlog_position, end_binlog_file,"
                        + " end_binlog_position, transaction_count, row_count, first_event_time, last_event_time,"
                        + " table_ids, table_rows, layout_ids, table_image_bytes) VALUES (?, 'mysql-bin.000001', ?,"
                        + " 'mysql-bin.000001', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING batch_id")) {
                    ps.setInt(1, sourceId);
                    ps.setLong(2, start);
                    ps.setLong(3, start + 100L * events.size());
                    ps.setInt(4, transactions);
                    ps.setInt(5, events.size());
                    ps.setTimestamp(6, timeAt(start));
                    ps.setTimestamp(7, timeAt(start + 100L * (events.size() - 1)));
                    ps.setArray(8, countsRecorded ? integers(rowsPerTable.keySet()) : null);
                    ps.setArray(9, countsRecorded ? integers(rowsPerTable.values()) : null);
                    ps.setArray(10, layoutsRecorded ? integers(new TreeSet<>(eventLayouts.stream()
                            .filter(Objects::nonNull).toList())) : null);
                    ps.setArray(11, imageBytesRecorded
                            ? connection.createArrayOf("bigint", imageBytesPerTable.values().toArray()) : null);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        batchId = rs.getLong(1);
                    }
                }
                partitions.ensurePartitionFor(connection, batchId);
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + CATALOGUE + ".change_log"
                        + " (batch_id, event_seq, table_id, operation, binlog_file, binlog_position, event_time,"
                        + " layout_id, row_before, row_after, ddl) VALUES (?, ?, ?, ?, 'mysql-bin.000001', ?, ?, ?,"
                        + " ?, ?, ?)")) {
                    int seq = 0;
                    for (int i = 0; i < events.size(); i++) {
                        Event event = events.get(i);
                        ps.setLong(1, batchId);
                        ps.setInt(2, ++seq);
                        ps.setObject(3, event.tableId(), Types.INTEGER);
                        ps.setString(4, String.valueOf(event.operation()));
                        ps.setLong(5, nextPosition);
                        ps.setTimestamp(6, timeAt(nextPosition));
                        ps.setObject(7, eventLayouts.get(i), Types.INTEGER);
                        ps.setArray(8, textArray(event.before()));
                        ps.setArray(9, textArray(event.after()));
                        ps.setString(10, event.ddl());
                        ps.addBatch();
                        nextPosition += 100;
                    }
                    ps.executeBatch();
                }
                connection.commit();
                return batchId;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                layoutIds.clear();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Source time of the event at a binlog position: one second per 100 bytes after {@link #EPOCH}. */
    static Timestamp timeAt(long position) {
        return Timestamp.from(EPOCH.plusSeconds(position / 100));
    }

    /** The layout of a row event: the after image's columns (the before image's for a delete) and the key's. */
    private Integer layoutOf(Event event) throws SQLException {
        if (event.before() == null && event.after() == null) {
            return null;
        }
        Map<String, Object> full = event.after() != null ? event.after() : event.before();
        Collection<String> key = event.before() != null ? event.before().keySet() : List.of();
        List<Object> layout = List.of(event.tableId(), List.copyOf(full.keySet()), List.copyOf(key));
        Integer id = layoutIds.get(layout);
        if (id == null) {
            id = layouts.idOf(event.tableId(), List.copyOf(full.keySet()), List.copyOf(key));
            layoutIds.put(layout, id);
        }
        return id;
    }

    private java.sql.Array integers(Collection<Integer> values) throws SQLException {
        return connection.createArrayOf("integer", values.toArray());
    }

    private java.sql.Array textArray(Map<String, Object> image) throws SQLException {
        return image == null ? null : connection.createArrayOf("text", texts(image).toArray());
    }

    /** The image's values as the change log's text array holds them. */
    private static List<String> texts(Map<String, Object> image) {
        List<String> texts = new ArrayList<>();
        for (Object value : image.values()) {
            texts.add(value == null ? null : value instanceof String text ? text : json(value));
        }
        return texts;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
