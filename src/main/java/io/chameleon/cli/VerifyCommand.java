package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.error.ExitStatus;
import io.chameleon.error.UsageException;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.verify.SourceVerifier;
import io.chameleon.verify.TableResult;
import io.chameleon.verify.VerifySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compare the replicated tables of the --source with the source while replication runs and "
                + "report the rows that differ (missing, extra, different) by key. A chunk that differs is compared "
                + "again once the replica has passed the source position it was read at. Exit status "
                + "6 when rows differ.")
public class VerifyCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--tables", paramLabel = "SCHEMA.TABLE,...",
            description = "Only these origin schema.table names, comma separated (default: every replicated table).")
    String tables;

    @Option(names = "--rate", paramLabel = "ROWS_PER_SECOND", defaultValue = "0",
            description = "Read at most this many source rows per second (default: no limit).")
    double rate;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "10000",
            description = "Rows a key-range chunk aims at (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--rechecks", paramLabel = "N", defaultValue = "5",
            description = "Times a differing chunk is compared again after the replica caught up (default: "
                    + "${DEFAULT-VALUE}).")
    int rechecks;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for the replica to reach the source position of a chunk (default: "
                    + "${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        var out = out();
        var err = err();
        CommandContext context = root.context();
        String name = context.requireSource("verify");
        if (rate < 0 || chunkRows < 1 || rechecks < 0 || waitSeconds < 0) {
            throw new UsageException("verify: --rate, --rechecks and --wait must not be negative and --chunk-rows must"
                    + " be at least 1");
        }
        List<String> only = tables == null ? List.of()
                : Arrays.stream(tables.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String table : only) {
            if (!table.matches("[^.]+\\.[^.]+")) {
                throw new UsageException("--tables: '" + table + "' is not a schema.table name");
            }
        }
        ChameleonConfig config = context.config(err);
        context.withCurrentCatalogue(err, "verify", (catalogue, sources) -> sources.require(name));
        var source = config.source(name);
        VerifySettings settings = new VerifySettings(rate, chunkRows, rechecks, Duration.ofSeconds(waitSeconds), 100);
        long started = System.nanoTime();
        List<TableResult> results = new SourceVerifier(config, source, context.postgres(err, "verify"),
                new SourceConnector(source), settings, out).run(only);
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = results.stream().mapToLong(TableResult::rowsCompared).sum();
        long differing = results.stream().mapToLong(TableResult::differences).sum();
        out.printf("Total: %d rows compared in %d tables in %.1f s (%d rows/s); %s%n", rows, results.size(), seconds,
                Math.round(rows / Math.max(seconds, 0.001)), differing == 0 ? "no differences."
                        : differing + " rows differ (" + results.stream().mapToLong(TableResult::missing).sum()
                        + " missing, " + results.stream().mapToLong(TableResult::extra).sum() + " extra, "
                        + results.stream().mapToLong(TableResult::different).sum() + " different) in "
                        + results.stream().filter(r -> r.differences() > 0).count() + " tables.");
        return differing == 0 ? 0 : ExitStatus.DATA.code();
    }
}
