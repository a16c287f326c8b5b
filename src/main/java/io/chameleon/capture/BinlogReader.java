package io.chameleon.capture;

import io.chameleon.capture.binlog.BinlogEventTranslator;
import io.chameleon.capture.binlog.BinlogStream;
import io.chameleon.capture.binlog.CaptureException;
import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.catalogue.RegisteredTable;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SchemaHistoryRepository;
import io.chameleon.catalogue.SourceFence;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.ReadPositionRepository.StartState;
import io.chameleon.catalogue.changelog.ReadPositionRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.StateException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.DatabaseDefaults;
import io.chameleon.mysql.ForeignKey;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceForeignKeys;
import io.chameleon.mysql.SourcePrerequisites;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.PostGis;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;

import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The reader of one source: a binlog stream thread feeding, through a bounded queue, the consumer that writes the
 * change log. Starts where the catalogue's read position says, which is always a transaction boundary.
 */
public final class BinlogReader {

    private static final Logger LOG = Logger.getLogger(BinlogReader.class);

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final PostgresConnector postgres;
    private final SourceConnector mysql;
    private final CaptureStatistics statistics;

    public BinlogReader(ChameleonConfig config, SourceConfig source, PostgresConnector postgres, SourceConnector mysql,
                        CaptureStatistics statistics) {
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.mysql = mysql;
        this.statistics = statistics;
    }

    /** Reads until {@code stop}; throws when the source cannot be read or the log cannot be written. */
    public void run(int sourceId, BooleanSupplier stop) throws SQLException {
        run(sourceId, SourceFence.none(), stop);
    }

    /** @param fence checked in every change-log transaction: a process no longer active stops writing */
    public void run(int sourceId, SourceFence fence, BooleanSupplier stop) throws SQLException {
        requirePrerequisites();
        CaptureSettings settings = CaptureSettings.of(source);
        try (ChangeLogWriter writer = new ChangeLogWriter(postgres.connect(), config.catalogueSchema(), sourceId,
                fence)) {
            int dropped = writer.discardIncompleteBatches();
            if (dropped > 0) {
                LOG.infof("dropped %d logged parts of a transaction whose commit was not read source=%s", dropped,
                        source.name());
            }
            StartState state = startState(sourceId);
            statistics.started(state.position());
            Map<String, CapturedTable> tables = new HashMap<>();
            SchemaChangeCapture schemaChanges = schemaChangeCapture(sourceId, tables);
            // the stream hands events on in groups: as many slots as keep the same bound in events
            BlockingQueue<CapturedEvent> queue = new ArrayBlockingQueue<>(
                    Math.max(2, settings.queueCapacity() / BinlogEventTranslator.HAND_OFF_EVENTS));
            ChangeCapture capture = new ChangeCapture(queue, writer, new ChangeFilter(source, tables), settings,
                    state.position(), state.consistent(), state.highWatermark(), statistics, schemaChanges);
            BinlogStream stream = new BinlogStream(source, queue, () -> {
                try (Connection my = mysql.connect()) {
                    return io.chameleon.mysql.BinaryLogs.oldest(my);
                }
            });
            AtomicReference<RuntimeException> streamFailure = new AtomicReference<>();
            Thread streamThread = new Thread(() -> {
                try {
                    statistics.connected(true);
                    stream.run(state.position(), () -> stop.getAsBoolean() || streamFailure.get() != null);
                } catch (RuntimeException e) {
                    streamFailure.set(e);
                } finally {
                    statistics.connected(false);
                }
            }, "binlog-stream-" + source.name());
            streamThread.setDaemon(true);
            LOG.infof("reader starting source=%s position=%s tables=%d consistent=%s", source.name(), state.position(),
                    tables.size(), state.consistent());
            streamThread.start();
            try {
                capture.run(() -> stop.getAsBoolean() || streamFailure.get() != null);
            } finally {
                // told before the disconnect, so the stream thread ends instead of waiting for this consumer
                streamFailure.compareAndSet(null, new CaptureException("reader stopped"));
                stream.disconnect();
                joinQuietly(streamThread);
            }
            RuntimeException failure = streamFailure.get();
            if (!stop.getAsBoolean() && failure != null) {
                throw failure;
            }
        }
    }

    /** The binlog settings may have changed since the copy checked them; reading on would lose changes silently. */
    private void requirePrerequisites() throws SQLException {
        try (Connection my = mysql.connect()) {
            SourcePrerequisites.Result prerequisites = SourcePrerequisites.check(my);
            if (!prerequisites.ok()) {
                throw new StateException("the source " + mysql.describe() + " cannot be replicated: "
                        + String.join("; ", prerequisites.problems()));
            }
        }
    }

    private StartState startState(int sourceId) throws SQLException {
        try (Connection pg = postgres.connect()) {
            return new ReadPositionRepository(pg, config.catalogueSchema()).startState(sourceId)
                    .orElseThrow(() -> new StateException("source " + source.name() + " has no read position: run"
                            + " init_replica first, or start_replica --from FILE:POSITION"));
        }
    }

    /**
     * The known structures of the registered tables: the newest schema-history version where DDL made one (the
     * structure in force at the read position), else the source's catalogue, as after the copy.
     */
    private SchemaChangeCapture schemaChangeCapture(int sourceId, Map<String, CapturedTable> captured)
            throws SQLException {
        List<RegisteredTable> registered;
        Map<Integer, Optional<SourceTable>> history;
        boolean postgis;
        try (Connection pg = postgres.connect()) {
            registered = new ReplicatedTableRepository(pg, config.catalogueSchema()).registered(sourceId);
            history = new SchemaHistoryRepository(pg, config.catalogueSchema()).latestStructures(sourceId);
            postgis = PostGis.available(pg); // as the copy decided, so both paths write geometry alike
        }
        Map<String, SourceTable> discovered = new HashMap<>();
        Map<String, String[]> databaseDefaults;
        try (Connection my = mysql.connect()) {
            // only tables registered before the catalogue kept their structures need the source's catalogue (a
            // scan of information_schema, slow on sources with many tables, at every start and reconnect)
            if (!history.keySet().containsAll(registered.stream().map(RegisteredTable::tableId).toList())) {
                for (SourceTable table : new TableDiscovery(my).discover(source)) {
                    discovered.put(table.schema() + "." + table.name(), table);
                }
            }
            databaseDefaults = DatabaseDefaults.of(my, source.schemaMappings().keySet());
        }
        TableMapper mapper = new TableMapper(new TypeMapper(config.typeOverrides(), postgis, source.badValuePolicy()));
        KnownTables known = new KnownTables(captured, mapper);
        for (RegisteredTable entry : registered) {
            Optional<SourceTable> structure = history.containsKey(entry.tableId()) ? history.get(entry.tableId())
                    : Optional.ofNullable(discovered.get(entry.table().originSchema() + "." + entry.table().tableName()));
            // a table without key is registered switched off for want of one: a key added by DDL switches it on
            boolean enabled = entry.enabled() || !entry.table().replicated();
            structure.ifPresent(table -> known.put(new KnownTables.Known(entry.tableId(), table,
                    entry.table().destinationSchema(), enabled, entry.table().copyPosition())));
        }
        return new SchemaChangeCapture(source, sourceId, config.catalogueSchema(), known, mapper, databaseDefaults,
                this::currentStructure, this::foreignKeys);
    }

    /** The source's foreign keys of a table: only for a DDL statement that declares one with an action. */
    private List<ForeignKey> foreignKeys(io.chameleon.ddl.TableName table) throws SQLException {
        try (Connection my = mysql.connect()) {
            return SourceForeignKeys.read(my, List.of(table.database())).stream()
                    .filter(key -> key.table().equals(table.table())).toList();
        }
    }

    /** Reads the whole source's catalogue: only for a CREATE TABLE the reader could not translate, which is rare. */
    private Optional<SourceTable> currentStructure(io.chameleon.ddl.TableName table) throws SQLException {
        try (Connection my = mysql.connect()) {
            return new TableDiscovery(my).discover(source).stream()
                    .filter(t -> t.schema().equals(table.database()) && t.name().equals(table.table())).findFirst();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
