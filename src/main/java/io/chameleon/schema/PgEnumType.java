package io.chameleon.schema;

import java.util.List;

/** A PostgreSQL enum type standing for one MySQL ENUM column; created in the same schema as its table. */
public record PgEnumType(String name, List<String> labels) {

    public PgEnumType {
        labels = List.copyOf(labels);
    }
}
