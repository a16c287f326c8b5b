package io.chameleon.metrics;

import io.chameleon.catalogue.ReplicaReading;
import io.chameleon.catalogue.TableStatus;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.ops.PartRestarts;
import io.chameleon.ops.ReplicaComponents;
import io.chameleon.ops.ThisProcess;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The replica's meters, all computed at scrape time: counters and positions from the statistics the reader and the
 * replay worker keep anyway (no work on the hot path beyond one addition per batch), lags, pending batches,
 * change-log size and per-table counters from a {@link CatalogueReadings} shared by the whole scrape. Names follow
 * Prometheus conventions once rendered: {@code chameleon_…_total} for counters, {@code _seconds} and {@code _bytes}
 * units, and a {@code source} label on every meter. Micrometer holds the objects of function meters weakly:
 * whoever binds keeps the returned instance (it holds the catalogue reader), or the meters turn NaN.
 */
public final class ReplicaMetrics {

    private final MeterRegistry registry;
    private final ReplicaComponents replica;
    private final CatalogueReadings catalogue;
    private final Tags source;
    private final Set<String> tablesRegistered = ConcurrentHashMap.newKeySet();
    /** Per-table counters of the latest reading, by origin schema.table. */
    private volatile Map<String, TableStatus> tables = Map.of();

    private ReplicaMetrics(MeterRegistry registry, ReplicaComponents replica, CatalogueReadings catalogue) {
        this.registry = registry;
        this.replica = replica;
        this.catalogue = catalogue;
        this.source = Tags.of("source", replica.source());
    }

    /** Registers the meters of {@code replica} in {@code registry}. */
    public static ReplicaMetrics bind(MeterRegistry registry, ReplicaComponents replica, CatalogueReadings catalogue) {
        ReplicaMetrics metrics = new ReplicaMetrics(registry, replica, catalogue);
        catalogue.onRead(metrics::tablesRead);
        metrics.registerProcessMeters();
        metrics.registerCatalogueMeters();
        catalogue.current(); // the tables' meters exist from the first scrape
        return metrics;
    }

    private void registerProcessMeters() {
        var capture = replica.capture();
        var replay = replica.replay();
        counter("chameleon.rows.captured", "row changes read from the binlog and written to the change log",
                r -> capture.rows());
        counter("chameleon.transactions.captured", "source transactions written to the change log",
                r -> capture.transactions());
        counter("chameleon.rows.skipped", "row changes of tables not replicated", r -> capture.skippedRows());
        counter("chameleon.rows.applied", "row changes and truncates applied to target tables",
                r -> replay.rows());
        counter("chameleon.transactions.applied", "source transactions applied", r -> replay.transactions());
        counter("chameleon.batches.applied", "change-log batches applied", r -> replay.batches());
        counter("chameleon.ddl.applied", "schema changes applied", r -> replay.ddl());
        for (String part : PartRestarts.parts()) {
            FunctionCounter.builder("chameleon.restarts", replica, r -> r.restarts(part))
                    .description("restarts of a part after a passing failure (reconnects)")
                    .tags(source.and("part", part)).register(registry);
        }
        gauge("chameleon.read.binlog.file.index", "sequence number of the binlog file the reader is at",
                r -> fileIndex(r.capture().position()));
        gauge("chameleon.read.binlog.position", "offset in that file of the last transaction written",
                r -> offset(r.capture().position()));
        gauge("chameleon.reader.connected", "1 while the reader is connected to the source",
                r -> r.capture().connected() ? 1 : 0);
        gauge("chameleon.replica.running", "1 while the reader and the replay worker both run and nothing failed",
                r -> r.readerRunning() && r.replayRunning() && r.failure() == null ? 1 : 0);
        Gauge.builder("chameleon.replica.active", replica, r -> r.standby() ? 0 : 1)
                .description("1 on the process that replicates the source, 0 on a standby waiting to take over")
                .tags(source.and("host", ThisProcess.host(), "pid", Long.toString(ThisProcess.pid())))
                .strongReference(true).register(registry);
        gauge("chameleon.copy.running", "1 while this process copies the source (auto_resync_purged_binlog)",
                r -> r.resyncing() ? 1 : 0);
        gauge("chameleon.copy.rows.copied", "rows copied so far by the running copy",
                r -> r.copyProgress().rowsCopied());
        gauge("chameleon.copy.rows.estimated", "the source's row estimate of the tables the running copy copies",
                r -> r.copyProgress().rowsEstimated());
        gauge("chameleon.copy.tables.copied", "tables the running copy finished",
                r -> r.copyProgress().tablesCopied());
        gauge("chameleon.copy.tables", "tables the running copy copies", r -> r.copyProgress().tables());
    }

    private void registerCatalogueMeters() {
        catalogueGauge("chameleon.read.lag", "seconds", "now minus the source time of the last event read",
                r -> seconds(r.readLag()));
        catalogueGauge("chameleon.replay.lag", "seconds",
                "source time of the last event read minus that of the last applied (0 when caught up)",
                r -> seconds(r.replayLag()));
        catalogueGauge("chameleon.applied.binlog.file.index", null,
                "sequence number of the binlog file of the last applied batch", r -> fileIndex(r.applied()));
        catalogueGauge("chameleon.applied.binlog.position", null, "offset in that file of the last applied batch",
                r -> offset(r.applied()));
        catalogueGauge("chameleon.batches.pending", null, "complete change-log batches not applied yet",
                ReplicaReading::batchesPending);
        catalogueGauge("chameleon.rows.pending", null, "row changes in the batches not applied yet",
                ReplicaReading::rowsPending);
        catalogueGauge("chameleon.change.log", "bytes", "size of the change log on disk (shared by all sources)",
                ReplicaReading::changeLogBytes);
        catalogueGauge("chameleon.tables.disabled", null, "tables whose replication a replay error switched off",
                ReplicaReading::disabledTables);
        FunctionCounter.builder("chameleon.errors", catalogue,
                        c -> c.current().map(r -> (double) r.errors()).orElse(Double.NaN))
                .description("errors recorded for show_errors").tags(source).register(registry);
    }

    private void tablesRead(ReplicaReading reading) {
        Map<String, TableStatus> byName = new ConcurrentHashMap<>();
        for (TableStatus table : reading.tables()) {
            byName.put(table.originSchema() + "." + table.tableName(), table);
        }
        tables = byName;
        for (String name : byName.keySet()) {
            if (tablesRegistered.add(name)) {
                registerTable(name);
            }
        }
    }

    private void registerTable(String name) {
        Tags tags = source.and("table", name);
        FunctionCounter.builder("chameleon.table.rows.applied", this, m -> m.table(name, TableStatus::appliedChanges))
                .description("row changes and truncates applied to the table since it was registered")
                .tags(tags)
                .register(registry);
        FunctionCounter.builder("chameleon.table.rows.captured", this,
                        m -> m.table(name, t -> t.appliedChanges() + t.pendingChanges()))
                .description("row changes of the table logged since it was registered (applied + pending)")
                .tags(tags)
                .register(registry);
        Gauge.builder("chameleon.table.rows.pending", this, m -> m.table(name, TableStatus::pendingChanges))
                .description("row changes of the table logged and not applied yet").tags(tags)
                .strongReference(true).register(registry);
        Gauge.builder("chameleon.table.disabled", this, m -> m.table(name, t -> t.state().equals("disabled") ? 1 : 0))
                .description("1 when a replay error switched the table's replication off").tags(tags)
                .strongReference(true).register(registry);
    }

    /** A table's value from the reading of this scrape; NaN when the catalogue cannot be read or it was dropped. */
    private double table(String name, Function<TableStatus, Number> value) {
        catalogue.current();
        TableStatus table = tables.get(name);
        return table == null ? Double.NaN : value.apply(table).doubleValue();
    }

    private void counter(String name, String description, ToDoubleFunction<ReplicaComponents> value) {
        FunctionCounter.builder(name, replica, value).description(description).tags(source)
                .register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<ReplicaComponents> value) {
        Gauge.builder(name, replica, value).description(description).tags(source).strongReference(true)
                .register(registry);
    }

    private void catalogueGauge(String name, String unit, String description, Function<ReplicaReading, Number> value) {
        Gauge.builder(name, catalogue, c -> c.current().map(r -> value.apply(r).doubleValue()).orElse(Double.NaN))
                .description(description).baseUnit(unit).tags(source).strongReference(true).register(registry);
    }

    private static double seconds(Duration duration) {
        return duration == null ? Double.NaN : duration.toMillis() / 1000.0;
    }

    private static double fileIndex(BinlogPosition position) {
        return position == null ? Double.NaN : position.fileSequence();
    }

    private static double offset(BinlogPosition position) {
        return position == null ? Double.NaN : position.position();
    }
}
