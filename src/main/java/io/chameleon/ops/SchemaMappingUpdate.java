package io.chameleon.ops;

import io.chameleon.catalogue.SchemaMappingDifference;
import io.chameleon.catalogue.SchemaMappingRepository;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.StateException;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.replay.ReplayResult;
import io.chameleon.replay.ReplaySettings;
import io.chameleon.replay.ReplayWorker;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * update_schema_mappings, as pg_chameleon does it: the replica is stopped (a running one by this command), every
 * change already logged is replayed into the schemas it was read for, then the configuration's mappings are applied
 * to the catalogue and to PostgreSQL in one transaction. The replica is not restarted: start_replica picks up the
 * new mappings, and a newly mapped database needs its copy first (refresh_schema).
 */
public final class SchemaMappingUpdate {

    private final ChameleonConfig config;
    private final SourceConfig configured;
    private final PostgresConnector postgres;
    private final PrintWriter out;

    public SchemaMappingUpdate(ChameleonConfig config, SourceConfig configured, PostgresConnector postgres,
                               PrintWriter out) {
        this.config = config;
        this.configured = configured;
        this.postgres = postgres;
        this.out = out;
    }

    /** @return whether anything changed */
    public boolean run() {
        String name = configured.name();
        try (Connection pg = postgres.connect()) {
            SourceRepository sources = new SourceRepository(pg, config.catalogueSchema());
            SourceRecord record = sources.require(name);
            SchemaMappingDifference difference = SchemaMappingDifference.between(record.schemaMappings(),
                    configured.schemaMappings());
            if (difference.isEmpty()) {
                out.println("The schema mappings of source " + name + " in the catalogue already match the "
                        + "configuration: nothing to do.");
                return false;
            }
            refuseBusy(record);
            boolean wasRunning = record.status() == SourceStatus.RUNNING
                    || new PidFile(config.pidDir(), name).liveProcess().isPresent();
            if (wasRunning) {
                out.println(new ReplicaStopper(config.pidDir()).stop(sources, name));
                out.flush();
            }
            long replayed = replayPending(record.id());
            if (replayed > 0) {
                out.println("Replayed " + replayed + " logged row changes into the current schemas first.");
            }
            SchemaMappingRepository.Applied applied = new SchemaMappingRepository(pg, config.catalogueSchema())
                    .apply(sources.require(name), configured.schemaMappings());
            report(applied, wasRunning);
            return true;
        } catch (SQLException e) {
            throw new ConnectionException("cannot update the schema mappings of source " + name + ": "
                    + e.getMessage(), e);
        }
    }

    private void refuseBusy(SourceRecord record) {
        String name = record.name();
        switch (record.status()) {
            case INITIALISING, SYNCING -> throw new StateException("source " + name + " is "
                    + record.status().label() + ": a copy is running; update the schema mappings after it");
            case ERROR -> throw new StateException("source " + name + " is in error (see show_status --source "
                    + name + " and show_errors); its logged changes must replay before the mappings change: fix the"
                    + " cause, run 'enable_replica --source " + name + "', then update_schema_mappings again");
            default -> {
            }
        }
    }

    /** Replays what the stopped replica logged, so no logged change names a schema that is about to change. */
    private long replayPending(int sourceId) {
        ReplaySettings settings = new ReplaySettings(configured.replayMaxRows(), configured.onErrorReplay(),
                Duration.ofSeconds(Math.max(1, configured.sleepLoopSeconds())), configured.batchRetention());
        long rows = 0;
        try (ReplayWorker worker = new ReplayWorker(postgres, config.catalogueSchema(), sourceId, settings)) {
            for (ReplayResult result = worker.replayOnce(); !result.idle(); result = worker.replayOnce()) {
                rows += result.rows();
            }
        }
        return rows;
    }

    private void report(SchemaMappingRepository.Applied applied, boolean wasRunning) {
        String name = configured.name();
        out.println("Schema mappings of source " + name + " updated:");
        applied.renamedInPostgres().forEach(r -> out.println("  renamed schema " + r));
        applied.renamedCatalogueOnly().forEach(r -> out.println("  renamed mapping " + r
                + " (no such schema in PostgreSQL yet: the copy creates it)"));
        applied.tablesRemoved().forEach((schema, tables) -> out.println("  removed mapping to " + schema + ": "
                + tables + " tables no longer replicated; schema " + schema + " is left in PostgreSQL with its "
                + "tables (DROP SCHEMA " + schema + " CASCADE when no longer needed)"));
        applied.added().forEach((origin, schema) -> out.println("  added mapping " + origin + " -> " + schema
                + ": not copied yet; run 'chameleon refresh_schema --source " + name + " --schema " + origin + "'"));
        if (wasRunning) {
            out.println("The replica was stopped for the change; start it again with 'chameleon start_replica"
                    + " --source " + name + "'.");
        }
    }
}
