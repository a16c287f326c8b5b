package io.chameleon.cli;

import io.chameleon.catalogue.CopyRun;
import io.chameleon.catalogue.CopyRunRepository;
import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.catalogue.MaintenanceRepository;
import io.chameleon.catalogue.SourceLease;
import io.chameleon.catalogue.SourceOverview;
import io.chameleon.catalogue.ReplayErrorRepository;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceStatus;
import io.chameleon.catalogue.TableStatus;
import io.chameleon.output.TextTable;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "show_status", aliases = "show-status", mixinStandardHelpOptions = true,
        description = "List the registered sources with status, consistency and lags; with --source, "
                + "also its schema mappings.")
public class ShowStatusCommand extends Subcommand implements Callable<Integer> {

    private static final String REPLICATING = "replicating";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String only = context.sourceOrNull();
        context.withCurrentCatalogue(err, "show_status", (catalogue, sources) -> {
            List<SourceOverview> rows = sources.overview().stream()
                    .filter(s -> only == null || s.name().equals(only)).toList();
            if (only != null && rows.isEmpty()) {
                sources.require(only);
            }
            TextTable table = new TextTable("Id", "Source", "Type", "Status", "Consistent",
                    "Read lag", "Last read", "Replay lag", "Last replay");
            for (SourceOverview s : rows) {
                table.row(String.valueOf(s.id()), s.name(), s.type(), s.effectiveStatus(),
                        s.consistent() ? "Yes" : "No", lag(s.readLag()), time(s.lastRead()),
                        lag(s.replayLag()), time(s.lastReplay()));
            }
            if (rows.isEmpty()) {
                out.println("No sources registered; add one with 'chameleon add_source --source NAME'.");
                return null;
            }
            out.print(table.render());
            var configured = context.config(err).sources();
            printProcesses(out, rows, SourceLease.processes(catalogue.connection(),
                    context.config(err).catalogueSchema()));
            CopyRunRepository copies = new CopyRunRepository(catalogue.connection(),
                    context.config(err).catalogueSchema());
            for (SourceOverview s : rows) {
                // a copy while it runs or when it did not finish; how the last one ended with --source
                Optional<CopyRun> copy = copies.last(s.id());
                if (copy.isPresent() && (only != null || !copy.get().effectiveState().equals(CopyRun.FINISHED))) {
                    out.println(CopyRunLine.of(s.name(), copy.get()));
                }
                if (configured.containsKey(s.name())) {
                    MappingsInForce.warnIfEdited(configured.get(s.name()), sources.require(s.name()),
                            context.configName(), err);
                }
                // why a source stopped, or that a part of its replica keeps restarting
                String detail = sources.statusDetail(s.name());
                if ((s.status() == SourceStatus.ERROR || s.status() == SourceStatus.RUNNING) && detail != null
                        && !detail.equals(REPLICATING)) {
                    out.println(s.name() + ": " + detail);
                }
                // a copy ends with the source not replicating (sync_tables stops a running replica first)
                if (s.status() == SourceStatus.SYNCED || s.status() == SourceStatus.INITIALISED) {
                    out.println(s.name() + ": copied and not replicating; start it with 'start_replica --source "
                            + s.name() + "'");
                }
            }
            if (only != null) {
                SourceRecord source = sources.require(only);
                out.println();
                out.println("Schema mappings of " + only + " (catalogue):");
                source.schemaMappings().forEach((from, to) -> out.println("  " + from + " -> " + to));
                MaintenanceRepository maintenance = new MaintenanceRepository(catalogue.connection(),
                        context.config(err).catalogueSchema());
                var auto = configured.containsKey(only) ? configured.get(only).autoMaintenance()
                        : java.util.Optional.<String>empty();
                out.println("Last maintenance: " + maintenance.maintainedAt(source.id()).map(ShowStatusCommand::time)
                        .orElse("never") + "; next: " + (auto.isPresent()
                        ? time(maintenance.nextDue(source.id(), auto.get())) + " (auto_maintenance " + auto.get() + ")"
                        : "when run_maintenance runs (auto_maintenance disabled)"));
                List<TableStatus> tables = new ReplicatedTableRepository(catalogue.connection(),
                        context.config(err).catalogueSchema()).status(source.id());
                out.println();
                out.println("Tables of " + only + ":");
                TextTable perTable = new TextTable("Table", "Destination", "State", "Copied rows",
                        "Applied changes", "Last applied", "Pending changes");
                for (TableStatus t : tables) {
                    perTable.row(t.originSchema() + "." + t.tableName(), t.destinationSchema() + "." + t.tableName(),
                            t.state(), String.valueOf(t.copiedRows()), String.valueOf(t.appliedChanges()),
                            time(t.lastApplied()), String.valueOf(t.pendingChanges()));
                }
                out.print(perTable.render());
                List<String> disabled = tables.stream().filter(t -> t.state().equals("disabled"))
                        .map(t -> t.originSchema() + "." + t.tableName()).toList();
                out.println(disabled.isEmpty() ? "Disabled tables: none"
                        : "Disabled tables: " + String.join(", ", disabled)
                        + " (see show_errors; re-copy with 'sync_tables --tables disabled')");
                // a table can replicate and still need attention (rows before its key came, values set to NULL)
                ReplayErrorRepository.Tally reported = new ReplayErrorRepository(catalogue.connection(),
                        context.config(err).catalogueSchema()).tally(source.id());
                out.println(reported.count() == 0 ? "Errors and warnings on record: none"
                        : "Errors and warnings on record: " + reported.count() + ", the newest "
                        + time(reported.newest()) + " (show_errors --source " + only + " lists them)");
                ShowErrorsCommand.noteBadValues(out, new DiscardedRowRepository(catalogue.connection(),
                        context.config(err).catalogueSchema()).counts(only));
            }
            return null;
        });
        return 0;
    }

    /** Which host and pid replicates each source, and which processes stand by for it. */
    private static void printProcesses(java.io.PrintWriter out, List<SourceOverview> rows,
                                       List<SourceLease.Process> processes) {
        if (processes.stream().noneMatch(p -> rows.stream().anyMatch(s -> s.id() == p.sourceId()))) {
            return;
        }
        TextTable table = new TextTable("Source", "Role", "Host", "Pid", "Since");
        for (SourceOverview s : rows) {
            for (SourceLease.Process p : processes) {
                if (p.sourceId() == s.id()) {
                    table.row(s.name(), p.role(), p.host(), String.valueOf(p.pid()), time(p.since()));
                }
            }
        }
        out.println();
        out.println("Replica processes:");
        out.print(table.render());
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    static String lag(Duration lag) {
        if (lag == null) {
            return "-";
        }
        long seconds = Math.max(0, lag.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m";
    }
}
