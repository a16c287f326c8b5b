package io.chameleon.preflight;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.SourceType;
import io.chameleon.error.ChameleonException;
import io.chameleon.error.ConnectionException;
import io.chameleon.error.StateException;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceServer;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostGis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The pre-flight checks of a source ({@code check}), and their cheap part that init_replica and start_replica run
 * before they start: server settings and privileges, without reading the tables' metadata.
 */
public final class Preflight {

    /** What the command about to run needs. */
    public enum Purpose { COPY, STREAM }

    private Preflight() {
    }

    /** Every check, source then target. */
    public static List<CheckResult> all(ChameleonConfig config, SourceConfig source, SourceConnector mysql,
                                        PostgresConnector postgres) {
        List<CheckResult> results = new ArrayList<>();
        List<SourceTable> tables = List.of();
        try (Connection my = mysql.connect()) {
            SourceServer server = SourceServer.identify(my);
            ServerVariables variables = ServerVariables.read(my);
            results.addAll(SourceServerChecks.run(my, server, variables, source));
            results.addAll(PrivilegeChecks.run(my, server, source));
            try {
                tables = new TableDiscovery(my).discover(source);
            } catch (ChameleonException e) { // a mapped database that does not exist
                results.add(CheckResult.fail("mysql", "schema_mappings", e.getMessage(), "map existing databases "
                        + "in sources." + source.name() + ".schema_mappings"));
            }
            results.add(RetentionCheck.run(variables, tables));
            boolean postgis;
            try (Connection pg = postgres.connect()) {
                postgis = PostGis.available(pg);
                long bytes = tables.stream().mapToLong(SourceTable::dataLength).sum();
                boolean spatial = tables.stream().flatMap(t -> t.columns().stream())
                        .anyMatch(c -> TableChecks.SPATIAL.contains(c.type()));
                List<CheckResult> target = TargetChecks.run(pg, postgres.endpoint().host(), spatial, bytes);
                results.addAll(TableChecks.run(tables, variables, source, postgis, config.typeOverrides()));
                results.addAll(target);
            }
        } catch (SQLException e) {
            throw new StateException("check of source " + source.name() + " failed: " + e.getMessage(), e);
        }
        return results;
    }

    /**
     * {@link #refuseIfFailing} on another thread: the checks ask the source while the command asks PostgreSQL, so
     * that neither waits for the other's round trips and driver loading. {@link #await} the result before anything
     * changes.
     */
    public static CompletableFuture<Void> refuseIfFailingBeside(String command, SourceConfig source,
                                                                SourceConnector mysql, Purpose purpose) {
        return CompletableFuture.runAsync(() -> refuseIfFailing(command, source, mysql, purpose));
    }

    /** Waits for checks run {@link #refuseIfFailingBeside beside}; their refusal is thrown as it was raised. */
    public static void await(CompletableFuture<Void> checks) {
        try {
            checks.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Runs the cheap checks and refuses, with their messages, when one fails. A source that cannot be reached is
     * left to the command itself (a replica retries; a copy reports the connection error).
     */
    public static void refuseIfFailing(String command, SourceConfig source, SourceConnector mysql, Purpose purpose) {
        if (source.type() != SourceType.MYSQL) {
            return;
        }
        List<CheckResult> failed;
        try (Connection my = mysql.connect()) {
            SourceServer server = SourceServer.identify(my);
            List<CheckResult> cheap = new ArrayList<>(SourceServerChecks.run(my, server, ServerVariables.read(my),
                    source));
            cheap.addAll(PrivilegeChecks.run(my, server, source));
            failed = cheap.stream().filter(CheckResult::failed)
                    .filter(r -> purpose == Purpose.COPY || r.stream()).toList();
        } catch (ConnectionException unreachable) {
            if (purpose == Purpose.COPY) {
                throw unreachable;
            }
            return;
        } catch (SQLException e) {
            throw new StateException(command + ": the pre-flight checks of source " + source.name() + " failed: "
                    + e.getMessage(), e);
        }
        if (!failed.isEmpty()) {
            throw new StateException(command + " refused: source " + source.name() + " is not ready ("
                    + failed.size() + " failing check" + (failed.size() == 1 ? "" : "s")
                    + "; 'chameleon check --source " + source.name() + "' shows them all):\n"
                    + failed.stream().map(r -> "  " + r.describe())
                    .collect(Collectors.joining("\n")));
        }
    }
}
