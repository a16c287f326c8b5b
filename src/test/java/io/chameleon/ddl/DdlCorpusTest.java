package io.chameleon.ddl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of the DDL corpus is classified as the corpus says. Where the grammar is known to fall short,
 * {@code known-gaps.tsv} gives what the classifier says instead, so a parser upgrade that closes a gap fails here
 * until the gap is struck off.
 */
class DdlCorpusTest {

    private final DdlClassifier classifier = new DdlClassifier();

    static List<DdlCorpus.Entry> corpus() {
        return DdlCorpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void classifiesAsTheCorpusSays(DdlCorpus.Entry entry) {
        DdlClassification result = classifier.classify(entry.defaultDatabase(), entry.statement());

        var gap = KnownGaps.outcome(entry.id());
        assertThat(outcome(result)).as(entry.statement()).isEqualTo(gap.orElse(entry.expected()));
        if (gap.isEmpty() && result instanceof DdlClassification.TableDdl ddl) {
            assertThat(ddl.tables().stream().map(TableName::toString).collect(Collectors.joining(",")))
                    .as(entry.statement()).isEqualTo(entry.tables());
        }
    }

    /** The classification in the corpus notation. */
    static String outcome(DdlClassification result) {
        if (result instanceof DdlClassification.TableDdl ddl) {
            return ddl.kind() == DdlKind.ALTER_TABLE
                    ? "alter_table:" + ddl.alterations().stream().map(AlterKind::label).collect(Collectors.joining(","))
                    : ddl.kind().label();
        } else if (result instanceof DdlClassification.Skip skip) {
            return "skip:" + skip.reason().label();
        }
        return "unparseable";
    }
}
