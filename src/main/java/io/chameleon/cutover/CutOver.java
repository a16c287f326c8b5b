package io.chameleon.cutover;

import io.chameleon.cascade.CascadeTriggers;
import io.chameleon.catalogue.AppliedHorizon;
import io.chameleon.catalogue.RegisteredTable;
import io.chameleon.catalogue.ReplicaReadingRepository;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.StateException;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.MasterStatus;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceForeignKeys;
import io.chameleon.mysql.SourceServer;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.replay.ReplayResult;
import io.chameleon.replay.ReplaySettings;
import io.chameleon.replay.ReplayWorker;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * detach_replica: the cut-over of one source. Reads the source's binlog position, waits until the replica has
 * applied everything before it, stops the replica (and applies what it logged meanwhile), sets the sequences past
 * the values in use, creates the source's foreign keys and removes the source from the catalogue. The schemas stay,
 * ready for the application. Refuses, before changing anything, when something would be left behind (source in
 * error, tables disabled or never replicated, a replica that cannot catch up) unless forced.
 */
public final class CutOver {

    /** Stops the source's replica; returns a line saying what was done (the replica stopper in production). */
    @FunctionalInterface
    public interface ReplicaHalt {
        String stop(SourceRepository sources, String source);
    }

    /**
     * @param timeout       longest wait for the replica to apply everything before the start position
     * @param force         detach even when something is left behind (named in the report)
     * @param progressEvery how often the wait prints where the replica stands
     */
    public record Settings(Duration timeout, boolean force, Duration progressEvery) {
    }

    private static final long POLL_MILLIS = 200;

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final PostgresConnector postgres;
    private final SourceConnector mysql;
    private final ReplicaHalt halt;
    private final PrintWriter out;

    /** @param source the source with the schema mappings in force (the catalogue's) */
    public CutOver(ChameleonConfig config, SourceConfig source, PostgresConnector postgres, SourceConnector mysql,
                   ReplicaHalt halt, PrintWriter out) {
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.mysql = mysql;
        this.halt = halt;
        this.out = out;
    }

    public CutOverReport run(Settings settings) throws InterruptedException {
        String name = source.name();
        String catalogue = config.catalogueSchema();
        try (Connection pg = postgres.connect(); Connection my = mysql.connect()) {
            pg.setAutoCommit(true);
            SourceRepository sources = new SourceRepository(pg, catalogue);
            ReplicatedTableRepository tables = new ReplicatedTableRepository(pg, catalogue);
            ReplicaReadingRepository readings = new ReplicaReadingRepository(pg, catalogue);
            SourceRecord record = sources.require(name);
            if (record.status() == SourceStatus.INITIALISING || record.status() == SourceStatus.SYNCING) {
                throw new StateException("source " + name + " is " + record.status().label() + ": a copy is "
                        + "running; detach it once the copy has finished and the replica has caught up");
            }
            List<String> disabledAtStart = tables.disabled(record.id());
            List<String> leftBehind = leftBehind(record, tables.registered(record.id()));
            if (!leftBehind.isEmpty() && !settings.force()) {
                throw new StateException("detach_replica --source " + name + " refused, nothing was changed: "
                        + String.join("; ", leftBehind) + ". Fix it (show_status --source " + name
                        + ", show_errors, sync_tables --tables disabled) or pass --force to detach anyway and leave "
                        + "that behind");
            }
            BinlogPosition start = MasterStatus.current(my, SourceServer.identify(my).dialect());
            out.println("Source " + name + " is at binlog position " + start + "; waiting until the replica has "
                    + "applied everything before it (at most " + settings.timeout().toSeconds() + " s).");
            out.flush();
            awaitCatchUp(sources, readings, record.id(), start, settings, leftBehind);

            out.println(halt.stop(sources, name));
            long drained = drain(sources, record.id(), name);
            if (drained > 0) {
                out.println("Applied " + drained + " row changes the replica logged before it stopped.");
            }
            List<String> newlyDisabled = tables.disabled(record.id()).stream()
                    .filter(t -> !disabledAtStart.contains(t)).toList();
            if (!newlyDisabled.isEmpty()) {
                String line = "tables switched off by replay errors while the replica caught up: "
                        + String.join(", ", newlyDisabled);
                if (!settings.force()) {
                    throw new StateException("detach_replica --source " + name + " stopped: " + line + ". The "
                            + "replica is stopped and still registered; fix the tables (show_errors, sync_tables "
                            + "--tables disabled), start it again, or pass --force to detach anyway");
                }
                leftBehind.add(line);
            }
            AppliedHorizon end = readings.horizon(record.id());
            if (end.oldestUnreplayed() != null) {
                leftBehind.add("changes logged from " + end.oldestUnreplayed() + " on were not applied");
            }

            List<RegisteredTable> registered = tables.registered(record.id());
            List<SequenceAdvance.Advanced> sequences = new SequenceAdvance(pg, my)
                    .advance(registered.stream().map(RegisteredTable::table).toList());
            // the real keys act natively from now on: the triggers that replayed their actions must not act twice
            int functions = CascadeTriggers.remove(pg, record.schemaMappings().values());
            if (functions > 0) {
                out.println("Dropped " + functions + " functions (with their triggers) that applied foreign key"
                        + " actions during replication.");
            }
            List<ForeignKeyCreation.Outcome> keys = new ForeignKeyCreation(pg, record.schemaMappings())
                    .create(SourceForeignKeys.read(my, record.schemaMappings().keySet()));
            sources.remove(name);
            return new CutOverReport(name, record.schemaMappings(), registered, sequences, keys, start, end.read(),
                    leftBehind);
        } catch (SQLException e) {
            throw new ConnectionException("detach_replica --source " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** What detaching now would leave behind: the source in error, tables disabled or never replicated. */
    private static List<String> leftBehind(SourceRecord record, List<RegisteredTable> tables) {
        List<String> items = new ArrayList<>();
        if (record.status() == SourceStatus.ERROR) {
            items.add("source " + record.name() + " is in error (its replica stopped on a failure: see show_status "
                    + "and show_errors)");
        }
        List<String> disabled = tables.stream().filter(t -> t.table().replicated() && !t.enabled())
                .map(t -> t.table().originSchema() + "." + t.table().tableName()).toList();
        if (!disabled.isEmpty()) {
            items.add(disabled.size() + " tables disabled by replay errors, their changes since not applied: "
                    + String.join(", ", disabled));
        }
        List<String> notReplicated = tables.stream().filter(t -> !t.table().replicated())
                .map(t -> t.table().originSchema() + "." + t.table().tableName()).toList();
        if (!notReplicated.isEmpty()) {
            items.add(notReplicated.size() + " tables copied but not replicated (no usable key), their changes "
                    + "since the copy not applied: " + String.join(", ", notReplicated));
        }
        return items;
    }

    /**
     * Waits until the replica has read past {@code start} and replayed every batch before it. A replica that is not
     * running, or fails, cannot get there: refused, or with --force noted as left behind. Running out of time is
     * always refused (nothing has changed yet; a longer --timeout may do).
     */
    private void awaitCatchUp(SourceRepository sources, ReplicaReadingRepository readings, int sourceId,
                              BinlogPosition start, Settings settings, List<String> leftBehind)
            throws SQLException, InterruptedException {
        String name = source.name();
        long began = System.nanoTime();
        long nextProgress = began + settings.progressEvery().toNanos();
        while (true) {
            AppliedHorizon horizon = readings.horizon(sourceId);
            if (horizon.passed(start)) {
                out.println("The replica has applied everything before " + start + " (waited "
                        + seconds(began) + " s).");
                return;
            }
            SourceOverview overview = sources.overview().stream().filter(o -> o.id() == sourceId).findFirst()
                    .orElseThrow(() -> new StateException("source " + name + " left the catalogue while "
                            + "detach_replica waited for it"));
            String status = overview.effectiveStatus();
            if (!status.equals("running")) {
                String line = "the replica of " + name + " is " + status + " and has read up to "
                        + horizon.read() + ", so the changes from there to " + start + " cannot be applied";
                if (!settings.force()) {
                    throw new StateException("detach_replica --source " + name + " refused, nothing was changed: "
                            + line + ". Start it ('chameleon start_replica --source " + name + "'"
                            + (overview.status() == SourceStatus.ERROR ? " after fixing the error and enable_replica"
                            : "") + ") and run detach_replica again, or pass --force to detach anyway");
                }
                leftBehind.add(line);
                return;
            }
            if (System.nanoTime() - began > settings.timeout().toNanos()) {
                throw new StateException("the replica of " + name + " did not apply everything before " + start
                        + " within " + settings.timeout().toSeconds() + " s (read up to " + horizon.read()
                        + pending(horizon) + "); nothing was changed and the replica still runs: check show_status "
                        + "--source " + name + ", then run detach_replica again with a longer --timeout");
            }
            if (System.nanoTime() - nextProgress >= 0) {
                out.println("  waiting " + seconds(began) + " s: read up to " + horizon.read() + pending(horizon)
                        + ", target " + start);
                out.flush();
                nextProgress += settings.progressEvery().toNanos();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String pending(AppliedHorizon horizon) {
        return horizon.oldestUnreplayed() == null ? ", nothing waiting for replay"
                : ", replay waiting from " + horizon.oldestUnreplayed();
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    /**
     * Applies what the stopped replica logged after the wait ended (writes that went on): nothing logged is lost
     * with the change log. Not for a source in error, whose failing change would only fail again.
     */
    private long drain(SourceRepository sources, int sourceId, String name) {
        if (sources.require(name).status() == SourceStatus.ERROR) {
            return 0;
        }
        ReplaySettings settings = new ReplaySettings(source.replayMaxRows(), source.onErrorReplay(),
                Duration.ofSeconds(Math.max(1, source.sleepLoopSeconds())), source.batchRetention());
        long rows = 0;
        try (ReplayWorker worker = new ReplayWorker(postgres, config.catalogueSchema(), sourceId, settings)) {
            for (ReplayResult result = worker.replayOnce(); !result.idle(); result = worker.replayOnce()) {
                rows += result.rows();
            }
        }
        return rows;
    }
}
