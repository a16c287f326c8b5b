package io.chameleon.cli;

import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.catalogue.DiscardedRowRepository.BadValueCounts;
import io.chameleon.catalogue.DiscardedRowRepository.BadValueRecord;
import io.chameleon.catalogue.ReplayErrorRepository;
import io.chameleon.catalogue.ReplayErrorRepository.ReplayError;
import io.chameleon.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "show_errors", aliases = "show-errors", mixinStandardHelpOptions = true,
        description = "List replay errors (of the --source when given); --logid N shows one in full;"
                + " --bad-values lists the values PostgreSQL cannot hold that the bad-value policy set to NULL or"
                + " whose rows it discarded.")
public class ShowErrorsCommand extends Subcommand implements Callable<Integer> {

    private static final int SHOWN_ROW_CHARS = 80;

    @Option(names = "--logid", paramLabel = "N", description = "Show this error with its statement and message.")
    Long logId;

    @Option(names = {"--bad-values", "--bad_values"},
            description = "List the bad values recorded by the copy and the stream instead of the replay errors.")
    boolean badValues;

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String only = context.sourceOrNull();
        context.withCurrentCatalogue(err, "show_errors", (catalogue, sources) -> {
            var badValueRecords = new DiscardedRowRepository(catalogue.connection(), catalogue.schema());
            if (badValues) {
                printBadValues(out, badValueRecords.list(only));
                return null;
            }
            BadValueCounts counts = badValueRecords.counts(only);
            List<ReplayError> errors = new ReplayErrorRepository(catalogue.connection(), catalogue.schema())
                    .list(only, logId);
            if (errors.isEmpty()) {
                out.println(logId == null ? "There are no errors in the log." : "No error with log id " + logId + ".");
                noteBadValues(out, counts);
                return null;
            }
            if (logId != null) {
                ReplayError e = errors.get(0);
                out.println("Log id:    " + e.id());
                out.println("Source:    " + e.source());
                out.println("Table:     " + (e.table() == null ? "- (the whole source)" : e.schema() + "." + e.table()));
                out.println("Batch:     " + e.batchId());
                out.println("Position:  " + e.position());
                out.println("Time:      " + e.occurredAt());
                out.println("SQLSTATE:  " + e.sqlstate());
                out.println("Message:   " + e.message());
                out.println("Statement: " + e.statement());
                return null;
            }
            TextTable table = new TextTable("Log id", "Source", "Batch", "Table", "Position", "Time");
            for (ReplayError e : errors) {
                table.row(e.id(), e.source(), e.batchId(), e.table() == null ? "-" : e.schema() + "." + e.table(),
                        e.position(), e.occurredAt());
            }
            out.print(table.render());
            noteBadValues(out, counts);
            return null;
        });
        return 0;
    }

    /** The bad-value policy's count, when it did anything (show_status says it too). */
    static void noteBadValues(PrintWriter out, BadValueCounts counts) {
        if (counts.valuesNulled() + counts.rowsDiscarded() > 0) {
            out.println(counts.valuesNulled() + " values set to NULL and " + counts.rowsDiscarded() + " rows discarded"
                    + " by bad_value_policy: show_errors --bad-values lists them.");
        }
    }

    /** One line per record: what was done, where, and the reason naming the column and the original value. */
    private static void printBadValues(PrintWriter out, List<BadValueRecord> records) {
        if (records.isEmpty()) {
            out.println("No bad values recorded.");
            return;
        }
        TextTable table = new TextTable("Id", "Source", "Table", "Column", "Done", "Reason", "Row", "Position",
                "Time");
        for (BadValueRecord r : records) {
            String row = r.rowData() == null || r.rowData().length() <= SHOWN_ROW_CHARS ? r.rowData()
                    : r.rowData().substring(0, SHOWN_ROW_CHARS) + "...";
            table.row(r.id(), r.source(), r.originSchema() + "." + r.tableName(), r.columnName(),
                    r.valueNulled() ? "set to NULL" : "row discarded", r.reason(), row,
                    r.position() == null ? "copy" : r.position(), r.recordedAt());
        }
        out.print(table.render());
    }
}
