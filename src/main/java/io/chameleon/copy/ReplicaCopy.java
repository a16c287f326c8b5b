package io.chameleon.copy;

import io.chameleon.cascade.CascadeTriggers;
import io.chameleon.catalogue.CopyRun;
import io.chameleon.catalogue.CopyRunRepository;
import io.chameleon.catalogue.ReplicatedTable;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SchemaHistoryRepository;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.StateException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MasterStatus;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourcePrerequisites;
import io.chameleon.mysql.SourceServer;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.PostGis;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.Transactions;
import io.chameleon.schema.PgEnumType;
import io.chameleon.schema.PgTable;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TableDdl;
import io.chameleon.schema.TypeMapper;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies a source's tables into PostgreSQL and records where replication starts: init_replica, refresh_schema,
 * sync_tables and copy_schema are this one flow with different scopes. Tables are built in loading schemas and
 * published only when every table of the scope loaded, so a failure never leaves a half-swapped schema.
 */
public final class ReplicaCopy {

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final PostgresConnector postgres;
    private final SourceConnector mysql;
    private final CopySettings settings;
    private final PrintWriter out;

    /** The tables of the load under way, read by {@link #progress()} from another thread. */
    private volatile List<TableProgress> running = List.of();

    public ReplicaCopy(ChameleonConfig config, SourceConfig source, PostgresConnector postgres, SourceConnector mysql,
                       CopySettings settings, PrintWriter out) {
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.mysql = mysql;
        this.settings = settings;
        this.out = out;
    }

    /** How far the data load of {@link #run} is; {@link CopyProgress#NONE} before it starts loading. */
    public CopyProgress progress() {
        List<TableProgress> tables = running;
        return new CopyProgress(tables.stream().mapToLong(TableProgress::rows).sum(),
                tables.stream().mapToLong(TableProgress::estimatedRows).sum(),
                (int) tables.stream().filter(TableProgress::isFinished).count(), tables.size());
    }

    /** What the catalogue's copy_run row shows while the copy runs. */
    private CopyRunRepository.Progress runProgress() {
        List<TableProgress> tables = running;
        return new CopyRunRepository.Progress(tables.size(), (int) tables.stream().filter(TableProgress::isFinished)
                .count(), tables.stream().mapToLong(TableProgress::rows).sum(),
                tables.stream().mapToLong(t -> Math.max(t.estimatedRows(), t.rows())).sum(),
                tables.stream().mapToLong(TableProgress::bytes).sum());
    }

    /**
     * A copy the catalogue still shows running whose process is gone from this host was killed: recorded so (and
     * said), and the source's copying status left by it no longer stands in the way of this copy. A copy running
     * in a live process is refused.
     */
    private boolean previousCopyKilled(Connection control, SourceRecord record) throws SQLException {
        CopyRunRepository runs = new CopyRunRepository(control, config.catalogueSchema());
        Optional<CopyRun> last = runs.last(record.id());
        if (last.isEmpty() || !last.get().state().equals(CopyRun.RUNNING)) {
            return false;
        }
        CopyRun previous = last.get();
        if (previous.pid() == ProcessHandle.current().pid() && previous.host().equals(CopyRun.thisHost())) {
            return false;
        }
        if (!previous.processGone()) {
            throw new StateException("a copy of source " + source.name() + " (" + previous.command()
                    + ") is running in process " + previous.pid() + " on " + previous.host() + " since "
                    + previous.startedAt() + "; wait for it to finish (show_status --source " + source.name() + ")");
        }
        String message = "process " + previous.pid() + " ended without finishing the copy (killed)";
        runs.markKilled(record.id(), previous.pid(), message);
        out.println("NOTE: the previous " + previous.command() + " of source " + source.name() + " was killed ("
                + message + "); nothing of it was published, copying again.");
        return true;
    }

    public CopySummary run(CopyScope scope, String command) {
        long started = System.nanoTime();
        try (Connection control = postgres.connect(); Connection sourceControl = mysql.connect()) {
            SourceRepository sources = new SourceRepository(control, config.catalogueSchema());
            SourceRecord record = sources.require(source.name());
            boolean killedCopy = previousCopyKilled(control, record);
            if (record.status().isActive() && !(killedCopy && record.status() != SourceStatus.RUNNING)) {
                throw new StateException("source '" + source.name() + "' is " + record.status().label()
                        + "; stop it with 'stop_replica --source " + source.name() + "' before " + command);
            }
            SourceStatus working = scope.kind() == CopyScope.Kind.ALL ? SourceStatus.INITIALISING
                    : SourceStatus.SYNCING;
            try (CopyRunRecorder recorder = CopyRunRecorder.start(postgres, config.catalogueSchema(), record.id(),
                    command, this::runProgress)) {
                sources.setStatus(source.name(), working, command + " started");
                try {
                    CopySummary summary = copy(scope, record, control, sourceControl, started);
                    recorder.finished(summary.tables().size() + " tables, " + summary.rows() + " rows copied");
                    out.print(summary.render());
                    out.flush();
                    return summary;
                } catch (RuntimeException | SQLException e) {
                    recorder.failed(e.getMessage());
                    sources.setStatus(source.name(), SourceStatus.ERROR, command + " failed: " + e.getMessage());
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StateException(command + " failed for source " + source.name() + ": " + e.getMessage(), e);
        }
    }

    private CopySummary copy(CopyScope scope, SourceRecord record, Connection control, Connection sourceControl,
                             long started) throws SQLException {
        SourcePrerequisites.Result prerequisites = SourcePrerequisites.check(sourceControl);
        if (!prerequisites.ok()) {
            throw new StateException("the source " + mysql.describe() + " cannot be replicated: "
                    + String.join("; ", prerequisites.problems()));
        }
        prerequisites.warnings().forEach(w -> out.println("WARNING: " + w));
        SourceServer server = SourceServer.identify(sourceControl);
        BinlogPosition start = MasterStatus.current(sourceControl, server.dialect());
        List<SourceTable> tables = new TableDiscovery(sourceControl).discover(source).stream()
                .filter(t -> scope.includes(t.schema(), t.name())).toList();
        checkScopeFound(scope, tables, sourceControl);
        List<ReplicatedTable> unsupported = systemVersioned(scope, sourceControl);
        TableMapper mapper = new TableMapper(new TypeMapper(config.typeOverrides(), PostGis.available(control),
                settings.badValuePolicy()));
        Map<SourceTable, PgTable> targets = new LinkedHashMap<>();
        Map<String, String> destinations = new LinkedHashMap<>();
        for (SourceTable table : tables) {
            String destination = source.schemaMappings().get(table.schema());
            targets.put(table, mapper.map(table, destination));
            destinations.put(table.schema(), destination);
        }
        if (scope.swapsSchemas()) {
            source.schemaMappings().forEach((origin, destination) -> {
                if (scope.kind() == CopyScope.Kind.ALL || origin.equals(scope.originSchema())) {
                    destinations.put(origin, destination);
                }
            });
        }
        if (source.keepExistingSchema() && !scope.withData()) {
            throw new StateException("copy_schema creates the tables, and keep_existing_schema says the tables in"
                    + " PostgreSQL are yours: set keep_existing_schema to false to copy the structure");
        }
        if (source.keepExistingSchema()) {
            return copyInPlace(scope, record, control, sourceControl, server, targets, start, started, unsupported);
        }
        SchemaSwap swap = new SchemaSwap(control, source.lockTimeout());
        swap.prepareLoadingSchemas(destinations);
        try {
            createTables(control, targets);
            long loadStarted = System.nanoTime();
            List<CopiedTable> copied = loadAll(targets, scope, record, server, control, false);
            long loaded = System.nanoTime();
            BinlogPosition highWatermark = MasterStatus.current(sourceControl, server.dialect());
            publish(scope, record, control, swap, copied, destinations, start, highWatermark, unsupported);
            emulateForeignKeyActions(control, sourceControl);
            return CopySummary.timed(copied, start, highWatermark, started, loadStarted, loaded, System.nanoTime());
        } catch (SQLException | RuntimeException e) {
            swap.dropLoadingSchemas(destinations.values());
            throw e;
        }
    }

    /**
     * keep_existing_schema: the user's tables are emptied and reloaded where they are, their keys, indexes and
     * foreign keys dropped around the load and re-created as they were; no schema swap, no grants.
     */
    private CopySummary copyInPlace(CopyScope scope, SourceRecord record, Connection control,
                                    Connection sourceControl, SourceServer server, Map<SourceTable, PgTable> targets,
                                    BinlogPosition start, long started, List<ReplicatedTable> unsupported)
            throws SQLException {
        ExistingTables existing = ExistingTables.prepare(control, targets.values());
        long loadStarted = System.nanoTime();
        List<CopiedTable> copied;
        try {
            copied = loadAll(targets, scope, record, server, control, true);
        } finally {
            existing.restore(out);
        }
        long loaded = System.nanoTime();
        BinlogPosition highWatermark = MasterStatus.current(sourceControl, server.dialect());
        Transactions.inTransaction(control, () -> {
            register(scope, record, control, copied, unsupported, false, start, highWatermark,
                    copied.size() + " tables reloaded in place (keep_existing_schema); consistent after "
                            + highWatermark);
            return null;
        });
        emulateForeignKeyActions(control, sourceControl);
        return CopySummary.timed(copied, start, highWatermark, started, loadStarted, loaded, System.nanoTime());
    }

    /**
     * Once the tables are published (a trigger created before would be swapped out with its table, or fire on the
     * load): the triggers that apply the source's ON DELETE / ON UPDATE actions, which InnoDB does not log, during
     * replication. All the source's keys, not only the copied tables': a re-created parent lost its trigger.
     */
    private void emulateForeignKeyActions(Connection control, Connection sourceControl) throws SQLException {
        List<String> keys = CascadeTriggers.install(control, sourceControl, source.schemaMappings());
        if (!keys.isEmpty()) {
            out.println("Foreign key actions (CASCADE, SET NULL) applied by triggers during replication: "
                    + String.join(", ", keys));
        }
    }

    private void createTables(Connection control, Map<SourceTable, PgTable> targets) throws SQLException {
        try (Statement st = control.createStatement()) {
            for (Map.Entry<SourceTable, PgTable> entry : targets.entrySet()) {
                PgTable table = entry.getValue();
                String loading = LoadingSchemas.loading(table.schema());
                for (String ddl : TableDdl.createTypes(table, loading)) {
                    st.execute(ddl);
                }
                st.execute(TableDdl.createTable(table, loading, Fillfactors.of(config, entry.getKey().schema(), table)));
            }
        }
    }

    private List<CopiedTable> loadAll(Map<SourceTable, PgTable> targets, CopyScope scope, SourceRecord record,
                                      SourceServer server, Connection control, boolean inPlace) throws SQLException {
        DiscardedRows discarded = new DiscardedRows(new DiscardedRowRepository(control, config.catalogueSchema()),
                record.id());
        TableCopier copier = new TableCopier(settings.badValuePolicy(), settings.bufferBytes(), discarded, !inPlace);
        TableLoader loader = new TableLoader(postgres, new SnapshotTaker(mysql, server.dialect()), copier, discarded,
                settings.splitRows(), settings.workers(), new SpareReaders(settings.workers() - 1), inPlace);
        List<TableProgress> progress = new ArrayList<>();
        targets.keySet().forEach(t -> progress.add(new TableProgress(t.schema() + "." + t.name(), t.estimatedRows())));
        running = List.copyOf(progress);
        try (CopyProgressDisplay display = new CopyProgressDisplay(progress, out, settings.terminal())) {
            return new ParallelLoads(settings.workers()).run(targets, progress,
                    (table, target, tableProgress) -> loader.load(table, target, target.schema(), scope.withData(),
                            tableProgress));
        } finally {
            discarded.flush();
        }
    }

    private void publish(CopyScope scope, SourceRecord record, Connection control, SchemaSwap swap,
                         List<CopiedTable> copied, Map<String, String> destinations, BinlogPosition start,
                         BinlogPosition highWatermark, List<ReplicatedTable> unsupported) throws SQLException {
        ReplicatedTableRepository registry = new ReplicatedTableRepository(control, config.catalogueSchema());
        SourceRepository sources = new SourceRepository(control, config.catalogueSchema());
        SourceStatus done = scope.kind() == CopyScope.Kind.TABLES ? SourceStatus.SYNCED : SourceStatus.INITIALISED;
        String detail = copied.size() + " tables copied; consistent after " + highWatermark;
        // a full copy restarts the stream from before the first snapshot; a partial one keeps the stream's position
        BinlogPosition readFrom = scope.kind() == CopyScope.Kind.ALL ? start : null;
        if (scope.swapsSchemas()) {
            swap.swapSchemas(List.copyOf(destinations.values()),
                    () -> register(scope, record, control, copied, unsupported, true, start, highWatermark, detail));
        } else {
            for (CopiedTable table : copied) {
                swap.moveTable(table.destinationSchema(), table.target().name(), table.target().enumTypes().stream()
                        .map(PgEnumType::name).toList(),
                        () -> {
                            registry.upsert(record.id(), List.of(registryEntry(table)));
                            recordStructures(control, record, List.of(table));
                        });
            }
            swap.dropLoadingSchemas(destinations.values());
            Transactions.inTransaction(control, () -> {
                sources.recordCopy(record.id(), readFrom, highWatermark, done, detail);
                return null;
            });
        }
        Grants.apply(control, source.grantSelectTo(), destinations.values(), out);
    }

    /**
     * The catalogue's side of a copy that replaces what the scope covers: a full copy forgets every table and the
     * unreplayed change log (the stream restarts from before the first snapshot, {@code start}); a schema copy that
     * swaps its schema forgets that schema's tables; then the copied tables, their structures and the source's state.
     */
    private void register(CopyScope scope, SourceRecord record, Connection control, List<CopiedTable> copied,
                          List<ReplicatedTable> unsupported, boolean schemaSwapped, BinlogPosition start,
                          BinlogPosition highWatermark, String detail) throws SQLException {
        ReplicatedTableRepository registry = new ReplicatedTableRepository(control, config.catalogueSchema());
        SourceRepository sources = new SourceRepository(control, config.catalogueSchema());
        if (scope.kind() == CopyScope.Kind.ALL) {
            registry.deleteAll(record.id());
            sources.discardUnreplayedBatches(record.id());
        } else if (schemaSwapped) {
            registry.deleteSchema(record.id(), scope.originSchema());
        }
        registry.upsert(record.id(), copied.stream().map(ReplicaCopy::registryEntry).toList());
        registry.upsert(record.id(), unsupported);
        recordStructures(control, record, copied);
        sources.recordCopy(record.id(), scope.kind() == CopyScope.Kind.ALL ? start : null, highWatermark,
                scope.kind() == CopyScope.Kind.TABLES ? SourceStatus.SYNCED : SourceStatus.INITIALISED, detail);
    }

    private void recordStructures(Connection control, SourceRecord record, List<CopiedTable> copied)
            throws SQLException {
        new SchemaHistoryRepository(control, config.catalogueSchema()).recordRegistered(record.id(), copied.stream()
                .map(table -> new SchemaHistoryRepository.Registered(table.source(), table.position())).toList());
    }

    private static ReplicatedTable registryEntry(CopiedTable table) {
        SourceTable source = table.source();
        return new ReplicatedTable(source.schema(), source.name(), table.destinationSchema(),
                source.replicaKey().orElse(List.of()),
                source.notReplicatedReason().orElse(null), table.position(), table.rows());
    }

    /**
     * The system-versioned tables a copy of the whole source or a schema leaves out, registered as not replicated
     * with the reason and named in a warning, so that show_status lists them instead of their silent absence.
     */
    private List<ReplicatedTable> systemVersioned(CopyScope scope, Connection sourceControl) throws SQLException {
        if (scope.kind() == CopyScope.Kind.TABLES) {
            return List.of(); // a table named explicitly is refused by checkScopeFound
        }
        List<ReplicatedTable> unsupported = new ArrayList<>();
        for (String table : new TableDiscovery(sourceControl).systemVersioned(source)) {
            int dot = table.indexOf('.');
            String schema = table.substring(0, dot);
            String name = table.substring(dot + 1);
            if (scope.includes(schema, name)) {
                out.println("WARNING: " + table + " is system-versioned (WITH SYSTEM VERSIONING), which is not"
                        + " supported: it is not copied nor replicated; " + dropVersioning(table) + " on the source"
                        + " (discarding its history rows), then 'sync_tables --tables " + table + "', or list it in"
                        + " skip_tables");
                unsupported.add(new ReplicatedTable(schema, name, source.schemaMappings().get(schema), List.of(),
                        SYSTEM_VERSIONED, null, 0));
            }
        }
        return unsupported;
    }

    private void checkScopeFound(CopyScope scope, List<SourceTable> tables, Connection sourceControl)
            throws SQLException {
        if (scope.kind() == CopyScope.Kind.TABLES) {
            List<String> missing = scope.tables().stream().filter(name -> tables.stream()
                    .noneMatch(t -> (t.schema() + "." + t.name()).equals(name))).sorted().toList();
            if (!missing.isEmpty()) {
                refuseSystemVersioned(missing, new TableDiscovery(sourceControl).systemVersioned(source));
                throw new StateException("tables not found among the tables of source " + source.name()
                        + " (check schema_mappings, limit_tables and skip_tables): " + String.join(", ", missing));
            }
        }
        if (scope.kind() == CopyScope.Kind.SCHEMA && !source.schemaMappings().containsKey(scope.originSchema())) {
            throw new StateException("schema " + scope.originSchema() + " is not mapped by source " + source.name()
                    + "; mapped: " + String.join(", ", source.schemaMappings().keySet()));
        }
    }

    /**
     * A system-versioned table's row images carry hidden row_start/row_end columns and its history rows, which the
     * model of a table does not hold: it is refused, with the way out, rather than reported as not found.
     */
    private void refuseSystemVersioned(List<String> missing, Set<String> systemVersioned) {
        List<String> versioned = missing.stream().filter(systemVersioned::contains).toList();
        if (!versioned.isEmpty()) {
            throw new StateException("system-versioned tables (WITH SYSTEM VERSIONING) are not supported, so "
                    + String.join(", ", versioned) + " cannot be copied or replicated: on the source, run "
                    + versioned.stream().map(ReplicaCopy::dropVersioning).collect(Collectors
                    .joining("; ")) + " (which discards its history rows), or list it in skip_tables of source "
                    + source.name());
        }
    }

    private static final String SYSTEM_VERSIONED = "system-versioned tables are not supported (not copied): drop"
            + " system versioning on the source, then sync_tables";

    private static String dropVersioning(String table) {
        int dot = table.indexOf('.');
        return "ALTER TABLE `" + table.substring(0, dot) + "`.`" + table.substring(dot + 1)
                + "` DROP SYSTEM VERSIONING";
    }
}
