package io.chameleon.ddl;

import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every translated corpus entry on a real PostgreSQL holding the fixture tables: each entry (after the
 * translation of its fixture setup) in its own transaction, rolled back, so the entries stay independent as in
 * {@link DdlTranslationCorpusTest}. Entries of {@code translation-gaps.tsv} marked {@code fails} must fail; all
 * others must run.
 */
@RealServers
class DdlTranslationsRunTest {

    @Test
    void everyTranslationRunsOnTheFixture(PostgresDatabase target) throws SQLException {
        DdlTranslations translations = new DdlTranslations();
        List<DdlCorpus.Entry> corpus = DdlCorpus.entries();
        Map<String, TranslationGaps.Gap> gaps = TranslationGaps.all();
        try (Connection c = target.connect(); Statement statement = c.createStatement()) {
            for (String schema : DdlTranslations.schemas(corpus, translations.fixtureTables())) {
                statement.execute("CREATE SCHEMA " + PgIdentifiers.quote(schema));
            }
            for (String sql : translations.fixtureCreation()) {
                statement.execute(sql);
            }
        }

        List<String> problems = new ArrayList<>();
        int run = 0;
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            for (DdlCorpus.Entry entry : corpus) {
                DdlTranslations.Outcome outcome = translations.translate(entry);
                if (!outcome.translated()) {
                    continue;
                }
                run++;
                String failure = null;
                try (Statement statement = c.createStatement()) {
                    for (String sql : translations.setupStatements(entry.id())) {
                        statement.execute(sql);
                    }
                    for (String sql : outcome.statements()) {
                        try {
                            statement.execute(sql);
                        } catch (SQLException e) {
                            failure = sql + "\n      -> " + e.getMessage();
                            break;
                        }
                    }
                } finally {
                    c.rollback();
                }
                TranslationGaps.Gap gap = gaps.get(entry.id());
                boolean expectFailure = gap != null && gap.failsInPostgres();
                if (failure != null && !expectFailure) {
                    problems.add(entry.id() + " " + entry.statement() + "\n    " + failure);
                } else if (failure == null && expectFailure) {
                    problems.add(entry.id() + " runs, but translation-gaps.tsv says it fails: strike the gap off if"
                            + " the translation is now right");
                }
            }
        }

        assertThat(run).as("translated entries").isGreaterThan(200);
        assertThat(problems).as(problems.size() + " problems:\n" + String.join("\n", problems)).isEmpty();
    }
}
