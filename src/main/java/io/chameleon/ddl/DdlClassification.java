package io.chameleon.ddl;

import java.util.List;

/**
 * What a statement read from a binlog query event is, as far as replicating tables goes: a table DDL with the
 * tables it names, a statement that never concerns a replicated table, or text the grammar does not accept.
 */
public sealed interface DdlClassification {

    /**
     * A table DDL. {@code tables} are the tables the statement names, in statement order, with the session's
     * database applied to unqualified names (RENAME: old, new, old, new…; CREATE … LIKE: new, source;
     * ALTER … RENAME: old, new). {@code alterations} lists an ALTER TABLE's sub-commands in order, empty otherwise.
     */
    record TableDdl(DdlKind kind, List<TableName> tables, List<AlterKind> alterations) implements DdlClassification {
        public TableDdl {
            tables = List.copyOf(tables);
            alterations = List.copyOf(alterations);
        }
    }

    /** Not DDL for a replicated table: logged and passed over. */
    record Skip(SkipReason reason) implements DdlClassification {
    }

    /** The grammar rejected the text; {@code message} is the parser's, with its position. */
    record Unparseable(String message) implements DdlClassification {
    }
}
