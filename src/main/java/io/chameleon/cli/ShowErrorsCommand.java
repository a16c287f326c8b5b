package io.chameleon.cli;

import io.chameleon.catalog.ReplayErrorRepository;
import io.chameleon.catalog.ReplayErrorRepository.ReplayError;
import io.chameleon.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "show_errors", aliases = "show-errors", mixinStandardHelpOptions = true,
        description = "List replay errors (of the --source when given); --logid N shows one in full.")
public class ShowErrorsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--logid", paramLabel = "N", description = "Show this error with its statement and message.")
    Long logId;

    @Override
    public Integer call() {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String only = context.sourceOrNull();
        context.withCurrentCatalogue(err, "show_errors", (catalogue, sources) -> {
            List<ReplayError> errors = new ReplayErrorRepository(catalogue.connection(), catalogue.schema())
                    .list(only, logId);
            if (errors.isEmpty()) {
                out.println(logId == null ? "There are no errors in the log." : "No error with log id " + logId + ".");
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
            return null;
        });
        return 0;
    }
}
