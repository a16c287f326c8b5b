package io.chameleon.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code sources}. See docs/configuration.md for each key.
 *
 * @param schemaMappings MySQL database to PostgreSQL schema, in file order
 * @param lockTimeout    PostgreSQL lock_timeout text with an explicit unit, e.g. {@code 120s}
 * @param autoMaintenance interval between automatic maintenance passes of the running replica; empty when disabled
 * @param errorRetention  how long replay errors and discarded rows are kept; empty: for ever
 */
public record SourceConfig(String name, SourceType type, MySqlConnectionConfig dbConn,
                           Map<String, String> schemaMappings, List<String> limitTables, List<String> skipTables,
                           List<String> grantSelectTo, String lockTimeout, long myServerId, int replicaBatchSize,
                           int replayMaxRows, String batchRetention, long copyMaxMemoryBytes, CopyMode copyMode,
                           Path outDir, int sleepLoopSeconds, ErrorPolicy onErrorReplay, ErrorPolicy onErrorRead,
                           Optional<String> autoMaintenance, boolean gtidEnable, SkipEvents skipEvents,
                           boolean keepExistingSchema, int netReadTimeoutSeconds, int copyWorkersSetting,
                           long copySplitRows,
                           BadValuePolicy badValuePolicy, int healthPort, int readyMaxLagSeconds,
                           boolean autoResyncPurgedBinlog, Optional<String> errorRetention) {

    /** Tables copied at once: copy_workers, or one per CPU core when it is 0. */
    public int copyWorkers() {
        return copyWorkersSetting > 0 ? copyWorkersSetting : Runtime.getRuntime().availableProcessors();
    }

    /**
     * This source with other schema mappings: the catalogue's, which the copy and the stream follow once the
     * source is registered (the file's are applied by update_schema_mappings).
     */
    public SourceConfig withSchemaMappings(Map<String, String> mappings) {
        return new SourceConfig(name, type, dbConn, mappings, limitTables, skipTables, grantSelectTo, lockTimeout,
                myServerId, replicaBatchSize, replayMaxRows, batchRetention, copyMaxMemoryBytes, copyMode, outDir,
                sleepLoopSeconds, onErrorReplay, onErrorRead, autoMaintenance, gtidEnable, skipEvents,
                keepExistingSchema, netReadTimeoutSeconds, copyWorkersSetting, copySplitRows, badValuePolicy,
                healthPort, readyMaxLagSeconds, autoResyncPurgedBinlog, errorRetention);
    }

    public SourceConfig {
        schemaMappings = Collections.unmodifiableMap(new LinkedHashMap<>(schemaMappings));
        limitTables = List.copyOf(limitTables);
        skipTables = List.copyOf(skipTables);
        grantSelectTo = List.copyOf(grantSelectTo);
    }
}
