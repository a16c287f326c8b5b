package io.chameleon.ddl;

import java.util.Optional;

/** A DDL statement on a replicated table whose effect on the structure cannot be worked out faithfully. */
public final class UntranslatableDdl extends Exception {

    private final transient TableName table;

    public UntranslatableDdl(String message) {
        this(message, null);
    }

    /** @param table the table concerned, when the statement could not be parsed and only its head names it */
    public UntranslatableDdl(String message, TableName table) {
        super(message);
        this.table = table;
    }

    public Optional<TableName> table() {
        return Optional.ofNullable(table);
    }
}
