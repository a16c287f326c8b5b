package io.chameleon.mysql;

import java.util.List;

/**
 * An index from {@code information_schema.STATISTICS}.
 *
 * @param columns        in index order
 * @param hasPrefixParts some column is indexed by a prefix only ({@code name(10)}), which PostgreSQL cannot express
 */
public record SourceIndex(String name, IndexKind kind, List<String> columns, boolean hasPrefixParts) {

    public SourceIndex {
        columns = List.copyOf(columns);
    }
}
