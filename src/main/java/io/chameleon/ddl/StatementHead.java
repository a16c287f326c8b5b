package io.chameleon.ddl;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.parser.Lexer;
import com.alibaba.druid.sql.parser.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises, from its leading keywords, a statement that can never change a replicated table, for when the
 * grammar rejects it (XA with binary ids, INSTALL PLUGIN, MariaDB packages…): such a gap must not turn a harmless
 * statement into an error. Statements on tables and indexes are never decided here.
 */
final class StatementHead {

    private static final int WORDS_READ = 24;

    private static final Map<String, SkipReason> BY_FIRST_WORD = Map.ofEntries(
            Map.entry("SAVEPOINT", SkipReason.SAVEPOINT), Map.entry("RELEASE", SkipReason.SAVEPOINT),
            Map.entry("BEGIN", SkipReason.TRANSACTION), Map.entry("COMMIT", SkipReason.TRANSACTION),
            Map.entry("START", SkipReason.TRANSACTION), Map.entry("XA", SkipReason.TRANSACTION),
            Map.entry("GRANT", SkipReason.GRANT), Map.entry("REVOKE", SkipReason.GRANT),
            Map.entry("FLUSH", SkipReason.FLUSH), Map.entry("SET", SkipReason.SET),
            Map.entry("ANALYZE", SkipReason.TABLE_MAINTENANCE), Map.entry("OPTIMIZE", SkipReason.TABLE_MAINTENANCE),
            Map.entry("REPAIR", SkipReason.TABLE_MAINTENANCE), Map.entry("CHECK", SkipReason.TABLE_MAINTENANCE),
            Map.entry("CHECKSUM", SkipReason.TABLE_MAINTENANCE),
            Map.entry("LOCK", SkipReason.LOCK), Map.entry("UNLOCK", SkipReason.LOCK),
            Map.entry("INSTALL", SkipReason.SERVER_ADMIN), Map.entry("UNINSTALL", SkipReason.SERVER_ADMIN),
            Map.entry("PURGE", SkipReason.SERVER_ADMIN), Map.entry("RESET", SkipReason.SERVER_ADMIN),
            Map.entry("CHANGE", SkipReason.SERVER_ADMIN),
            Map.entry("CALL", SkipReason.ROUTINE), Map.entry("DO", SkipReason.OTHER),
            Map.entry("HANDLER", SkipReason.OTHER), Map.entry("SELECT", SkipReason.OTHER),
            Map.entry("INSERT", SkipReason.DML), Map.entry("UPDATE", SkipReason.DML),
            Map.entry("DELETE", SkipReason.DML), Map.entry("REPLACE", SkipReason.DML));

    /** For CREATE/ALTER/DROP: the first object word decides; TABLE and INDEX are not ours to decide. */
    private static final Map<String, SkipReason> BY_OBJECT_WORD = Map.ofEntries(
            Map.entry("VIEW", SkipReason.VIEW), Map.entry("PROCEDURE", SkipReason.ROUTINE),
            Map.entry("FUNCTION", SkipReason.ROUTINE), Map.entry("PACKAGE", SkipReason.ROUTINE),
            Map.entry("TRIGGER", SkipReason.TRIGGER), Map.entry("EVENT", SkipReason.EVENT),
            Map.entry("USER", SkipReason.ACCOUNT), Map.entry("ROLE", SkipReason.ACCOUNT),
            Map.entry("DATABASE", SkipReason.DATABASE), Map.entry("SCHEMA", SkipReason.DATABASE),
            Map.entry("SERVER", SkipReason.SERVER_ADMIN), Map.entry("INSTANCE", SkipReason.SERVER_ADMIN),
            Map.entry("REFERENCE", SkipReason.SERVER_ADMIN), Map.entry("TEMPORARY", SkipReason.TEMPORARY_TABLE),
            Map.entry("TABLESPACE", SkipReason.TABLESPACE), Map.entry("LOGFILE", SkipReason.TABLESPACE),
            Map.entry("SEQUENCE", SkipReason.SEQUENCE));

    private StatementHead() {
    }

    static Optional<SkipReason> skipReason(String sql) {
        List<String> words = leadingWords(sql);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.get(0);
        if (first.equals("SET") && words.size() > 1 && (words.get(1).equals("PASSWORD")
                || words.get(1).equals("DEFAULT") && words.contains("ROLE"))) {
            return Optional.of(SkipReason.ACCOUNT);
        }
        if (first.equals("ROLLBACK")) {
            return Optional.of(words.contains("SAVEPOINT") || words.contains("TO")
                    ? SkipReason.SAVEPOINT : SkipReason.TRANSACTION);
        }
        if (first.equals("CREATE") || first.equals("ALTER") || first.equals("DROP") || first.equals("RENAME")) {
            for (String word : words.subList(1, words.size())) {
                if (word.equals("TABLE") || word.equals("TABLES") || word.equals("INDEX")) {
                    return Optional.empty();
                }
                if (BY_OBJECT_WORD.containsKey(word)) {
                    return Optional.of(BY_OBJECT_WORD.get(word));
                }
            }
            return Optional.empty();
        }
        return Optional.ofNullable(BY_FIRST_WORD.get(first));
    }

    /** Keywords and bare identifiers, upper-cased, until the first other token; comments are skipped. */
    private static List<String> leadingWords(String sql) {
        List<String> words = new ArrayList<>();
        try {
            Lexer lexer = new Lexer(sql, DbType.mysql);
            lexer.nextToken();
            while (words.size() < WORDS_READ && lexer.token() != Token.EOF) {
                Token token = lexer.token();
                if (token == Token.IDENTIFIER) {
                    words.add(lexer.stringVal().toUpperCase(Locale.ROOT));
                } else if (token.name != null && Character.isLetter(token.name.charAt(0))) {
                    words.add(token.name.toUpperCase(Locale.ROOT));
                } else if (token != Token.EQ && token != Token.LITERAL_ALIAS && token != Token.LITERAL_CHARS) {
                    // DEFINER=`root`@`%` and the like sit between CREATE and the object word
                    words.add(token.name());
                }
                lexer.nextToken();
            }
        } catch (RuntimeException unreadable) {
            // a token the lexer rejects (e.g. an unclosed quote) ends the head; what was read still counts
        }
        return words;
    }
}
