package io.chameleon.verify;

import io.chameleon.catalogue.RegisteredTable;
import io.chameleon.catalogue.ReplicaReadingRepository;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.ChunkCopy;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.UsageException;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceServer;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.PostGis;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares every replicated table of a source (or the listed ones) with the source while replication runs: what
 * {@code verify} does. Tables are verified one after the other; a table can be verified again on its own.
 */
public final class SourceVerifier {

    private final ChameleonConfig config;
    private final SourceConfig source;
    private final PostgresConnector postgres;
    private final SourceConnector mysql;
    private final VerifySettings settings;
    private final PrintWriter out;

    public SourceVerifier(ChameleonConfig config, SourceConfig source, PostgresConnector postgres,
                          SourceConnector mysql, VerifySettings settings, PrintWriter out) {
        this.config = config;
        this.source = source;
        this.postgres = postgres;
        this.mysql = mysql;
        this.settings = settings;
        this.out = out;
    }

    /** @param only origin schema.table names, empty for every replicated table */
    public List<TableResult> run(List<String> only) throws InterruptedException {
        try (Connection pg = postgres.connect(); Connection reader = mysql.connectForCopy()) {
            pg.setAutoCommit(true);
            String catalogue = config.catalogueSchema();
            int sourceId = new SourceRepository(pg, catalogue).require(source.name()).id();
            List<RegisteredTable> tables = chosen(new ReplicatedTableRepository(pg, catalogue).registered(sourceId),
                    only);
            Map<String, SourceTable> discovered = new LinkedHashMap<>();
            for (SourceTable table : new TableDiscovery(reader).discover(source)) {
                discovered.put(table.schema() + "." + table.name(), table);
            }
            TableMapper mapper = new TableMapper(new TypeMapper(config.typeOverrides(), PostGis.available(pg),
                    source.badValuePolicy()));
            var server = SourceServer.identify(reader);
            ReplicaReadingRepository readings = new ReplicaReadingRepository(pg, catalogue);
            Throttle throttle = new Throttle(settings.rowsPerSecond());
            TableVerifier verifier = new TableVerifier(reader, server.dialect(), pg,
                    new ChunkCopy(source.badValuePolicy()), () -> readings.horizon(sourceId), settings, throttle, out);
            out.printf("verify source %s: %d tables, chunks of about %d rows, %s%n", source.name(), tables.size(),
                    settings.chunkRows(), settings.rowsPerSecond() > 0
                            ? "at most " + Math.round(settings.rowsPerSecond()) + " rows/s" : "no rate limit");
            out.flush();
            List<TableResult> results = new ArrayList<>();
            for (RegisteredTable registered : tables) {
                var table = registered.table();
                String name = table.originSchema() + "." + table.tableName();
                SourceTable sourceTable = discovered.get(name);
                if (sourceTable == null) {
                    out.printf("  %s: not found on the source, skipped%n", name);
                    continue;
                }
                long started = System.nanoTime();
                TableResult result = verifier.verify(sourceTable,
                        mapper.map(sourceTable, table.destinationSchema()), table.keyColumns());
                print(result, (System.nanoTime() - started) / 1e9);
                results.add(result);
            }
            return results;
        } catch (SQLException e) {
            throw new ConnectionException("verify of source " + source.name() + " failed: " + e.getMessage(), e);
        }
    }

    private List<RegisteredTable> chosen(List<RegisteredTable> registered, List<String> only) {
        Map<String, RegisteredTable> byName = new LinkedHashMap<>();
        registered.forEach(r -> byName.put(r.table().originSchema() + "." + r.table().tableName(), r));
        List<String> unknown = only.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("--tables: " + String.join(", ", unknown) + " not registered for source "
                    + source.name() + "; show_status --source " + source.name() + " lists its tables");
        }
        List<RegisteredTable> chosen = new ArrayList<>();
        for (RegisteredTable table : byName.values()) {
            String name = table.table().originSchema() + "." + table.table().tableName();
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            if (!table.table().replicated()) {
                if (!only.isEmpty()) {
                    out.printf("  %s: not replicated (no key), skipped%n", name);
                }
                continue;
            }
            if (!table.enabled()) {
                out.printf("  %s: replication disabled by an error (show_errors), skipped; sync_tables copies it"
                        + " again%n", name);
                continue;
            }
            chosen.add(table);
        }
        return chosen;
    }

    private void print(TableResult result, double seconds) {
        if (result.differences() == 0) {
            out.printf("  %s: %d rows, 0 differences (%.1f s)%n", result.table(), result.rowsCompared(), seconds);
        } else {
            out.printf("  %s: %d rows, %d differ: %d missing, %d extra, %d different (%.1f s, %d re-checks)%n",
                    result.table(), result.rowsCompared(), result.differences(), result.missing(), result.extra(),
                    result.different(), seconds, result.rechecks());
            for (Difference difference : result.shown()) {
                out.printf("    %-9s %s %s%n", difference.kind().word(), result.table(), difference.key());
            }
            if (result.shown().size() < result.differences()) {
                out.printf("    ... and %d more%n", result.differences() - result.shown().size());
            }
        }
        out.flush();
    }
}
