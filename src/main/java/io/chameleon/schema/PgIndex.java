package io.chameleon.schema;

import java.util.List;

/** A B-tree index built after the load; {@code name} is unique within the PostgreSQL schema. */
public record PgIndex(String name, boolean unique, List<String> columns) {

    public PgIndex {
        columns = List.copyOf(columns);
    }
}
