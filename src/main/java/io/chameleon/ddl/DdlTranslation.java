package io.chameleon.ddl;

import io.chameleon.mysql.SourceTable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link DdlTranslator} makes of one binlog query event, for the reader to log and write. */
public sealed interface DdlTranslation {

    /** Not DDL for a replicated table; {@code reason} as logged, e.g. {@code temporary_table}, {@code unmapped_schema}. */
    record Skipped(String reason) implements DdlTranslation {
    }

    /** The grammar rejected the text, and its head names no replicated table: nothing to do but report it. */
    record Unparsed(String message) implements DdlTranslation {
    }

    /**
     * The changes the statement makes, each with the PostgreSQL statements to run at its point of the stream
     * (empty when the table is not in the replica, or when nothing changes in PostgreSQL).
     *
     * @param structures the tables the changes leave behind by name, empty for a table gone from the replica: the
     *                   model after the statement
     */
    record Translated(List<Change> changes, Map<TableName, Optional<SourceTable>> structures)
            implements DdlTranslation {
        public Translated {
            changes = List.copyOf(changes);
            structures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(structures));
        }
    }

    /** One change of the source structure and its PostgreSQL statements. */
    record Change(TableChange change, List<String> statements) {
        public Change {
            statements = List.copyOf(statements);
        }
    }

    /**
     * The statement concerns tables but cannot be applied faithfully.
     *
     * @param named         the tables the statement names
     * @param known         those of them the replica knows: they leave capture
     * @param unbuilt       the tables it creates in the replica that are not known yet: their structure must come
     *                      from elsewhere
     * @param parserMessage the grammar's message when it rejected the text, null otherwise
     * @param failure       the unexpected exception planning it threw, null otherwise
     */
    record Untranslatable(String reason, List<TableName> named, List<TableName> known, List<TableName> unbuilt,
                          String parserMessage, Throwable failure) implements DdlTranslation {
        public Untranslatable {
            named = List.copyOf(named);
            known = List.copyOf(known);
            unbuilt = List.copyOf(unbuilt);
        }
    }

    /**
     * The statement was applied to the model, but turning its changes into PostgreSQL threw where nothing
     * expected it to: the tables concerned cannot follow it.
     */
    record Failed(List<TableChange> changes, Throwable failure) implements DdlTranslation {
        public Failed {
            changes = List.copyOf(changes);
        }
    }
}
