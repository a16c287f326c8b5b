package io.chameleon.ddl;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures candidate parsers on the DDL corpus (docs/ddl-parser-evaluation.md). Run by hand:
 * {@code ./mvnw -B -o -q test -Dtest=ParserEvaluation -Dchameleon.evaluate.parsers=true}; outside surefire's
 * naming and behind the property, so the normal build never runs it.
 */
@EnabledIfSystemProperty(named = "chameleon.evaluate.parsers", matches = "true")
class ParserEvaluation {

    private static final int TIMING_ROUNDS = 20;

    /** For table statements the parser must return the right node, not merely not fail. */
    private static final Map<String, Set<String>> DRUID_NODES = Map.of(
            "create_table", Set.of("MySqlCreateTableStatement"), "drop_table", Set.of("SQLDropTableStatement"),
            "truncate", Set.of("SQLTruncateStatement"), "alter_table", Set.of("SQLAlterTableStatement"),
            "rename_table", Set.of("MySqlRenameTableStatement", "SQLAlterTableStatement"),
            "create_index", Set.of("SQLCreateIndexStatement"), "drop_index", Set.of("SQLDropIndexStatement"));
    private static final Map<String, Set<String>> JSQLPARSER_NODES = Map.of(
            "create_table", Set.of("CreateTable"), "drop_table", Set.of("Drop"), "truncate", Set.of("Truncate"),
            "alter_table", Set.of("Alter"), "rename_table", Set.of("RenameTableStatement", "Alter"),
            "create_index", Set.of("CreateIndex"), "drop_index", Set.of("Drop"));

    @Test
    void measure() {
        List<DdlCorpus.Entry> corpus = DdlCorpus.entries();
        report("Druid", corpus, DRUID_NODES, sql -> nodeName(SQLUtils.parseStatements(sql, DbType.mysql)));
        report("JSqlParser", corpus, JSQLPARSER_NODES, sql -> {
            try {
                return nodeName(CCJSqlParserUtil.parseStatements(sql));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        });
        classifierReport(corpus);
    }

    private static String nodeName(List<?> statements) {
        return statements == null || statements.isEmpty() ? "<none>" : statements.get(0).getClass().getSimpleName();
    }

    private static void report(String parser, List<DdlCorpus.Entry> corpus, Map<String, Set<String>> nodes,
                               Function<String, String> parse) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (DdlCorpus.Entry entry : corpus) {
            String category = entry.category().startsWith("skip:") ? "skip (any)" : entry.category();
            String node;
            try {
                node = parse.apply(ExecutableComments.open(entry.statement()));
            } catch (RuntimeException | Error e) {
                node = null;
            }
            boolean right = switch (category) {
                case "unparseable" -> node == null;
                case "skip (any)" -> node != null;
                default -> node != null && nodes.get(category).contains(node);
            };
            int[] counts = byCategory.computeIfAbsent(category, k -> new int[2]);
            counts[right ? 0 : 1]++;
        }
        System.out.printf("%n== %s: statements parsed into the right node (unparseable: rejected)%n", parser);
        byCategory.forEach((category, c) -> System.out.printf("%-14s %3d / %3d%n", category, c[0], c[0] + c[1]));
        long start = System.nanoTime();
        int parsed = 0;
        for (int round = 0; round < TIMING_ROUNDS; round++) {
            for (DdlCorpus.Entry entry : corpus) {
                try {
                    parse.apply(entry.statement());
                } catch (RuntimeException | Error ignored) {
                    // failures cost time too: they are part of what a reader meets
                }
                parsed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("speed: %.0f statements/s (%d parses, after warm-up by the pass above)%n",
                parsed / seconds, parsed);
    }

    private static void classifierReport(List<DdlCorpus.Entry> corpus) {
        DdlClassifier classifier = new DdlClassifier();
        int agree = 0;
        for (DdlCorpus.Entry entry : corpus) {
            if (DdlCorpusTest.outcome(classifier.classify(entry.defaultDatabase(), entry.statement()))
                    .equals(entry.expected())) {
                agree++;
            }
        }
        System.out.printf("%n== DdlClassifier (Druid + statement head): %d / %d as the corpus says%n", agree,
                corpus.size());
    }
}
