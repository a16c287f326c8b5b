package io.chameleon.ddl;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.parser.ParserException;

import java.util.List;
import java.util.Optional;

/**
 * The text of a binlog query event prepared (executable comments opened, MariaDB spellings rewritten) and parsed
 * once with Druid's MySQL grammar, so that classification and the model's evolution read the same tree.
 *
 * @param database       the session's database, "" when none
 * @param prepared       the prepared text and what the preparation noted
 * @param statements     the syntax trees; empty when the grammar rejected the text
 * @param parserFailure  the grammar's message when it rejected the text, null otherwise
 */
record ParsedDdl(String database, MariaDbSpellings.Prepared prepared, List<SQLStatement> statements,
                        String parserFailure) {

    /** @param defaultDatabase the session's database recorded in the query event (null or empty when none) */
    static ParsedDdl parse(String defaultDatabase, String sql) {
        String database = defaultDatabase == null ? "" : defaultDatabase;
        MariaDbSpellings.Prepared prepared = GrammarText.prepared(sql);
        try {
            return new ParsedDdl(database, prepared, SQLUtils.parseStatements(prepared.text(), DbType.mysql), null);
        } catch (ParserException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
            // the grammar's own failures
            return new ParsedDdl(database, prepared, List.of(), String.valueOf(e.getMessage()));
        }
    }

    /** The prepared text. */
    String text() {
        return prepared.text();
    }

    /** The grammar's message when it rejected the text. */
    Optional<String> rejected() {
        return Optional.ofNullable(parserFailure);
    }
}
