package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The indexes of one table, assembled from its {@code information_schema.STATISTICS} rows in index order. */
final class TableIndexes {

    private final Map<String, Builder> byName = new LinkedHashMap<>();

    /**
     * One key part.
     *
     * @param column null for a functional key part (MySQL 8.0.13+), which indexes an expression, not a column
     * @param prefix the part indexes a prefix of the column ({@code SUB_PART} is set)
     */
    void add(String indexName, int nonUnique, String indexType, String column, boolean prefix) {
        Builder index = byName.computeIfAbsent(indexName, name -> new Builder(name, kind(name, nonUnique, indexType)));
        if (column == null) {
            index.expression = true;
        } else {
            index.columns.add(column);
        }
        index.prefix |= prefix;
    }

    /**
     * The indexes, less those on expressions: their columns alone would misstate them (and a unique one could pass
     * for a replica key it is not). PostgreSQL gets no copy of them, as of the other indexes it cannot express.
     */
    List<SourceIndex> indexes() {
        return byName.values().stream().filter(index -> !index.expression)
                .map(index -> new SourceIndex(index.name, index.kind, index.columns, index.prefix)).toList();
    }

    private static IndexKind kind(String name, int nonUnique, String indexType) {
        if ("FULLTEXT".equalsIgnoreCase(indexType)) {
            return IndexKind.FULLTEXT;
        }
        if ("SPATIAL".equalsIgnoreCase(indexType)) {
            return IndexKind.SPATIAL;
        }
        if (name.equals("PRIMARY")) {
            return IndexKind.PRIMARY;
        }
        return nonUnique == 0 ? IndexKind.UNIQUE : IndexKind.PLAIN;
    }

    private static final class Builder {
        final String name;
        final IndexKind kind;
        final List<String> columns = new ArrayList<>();
        boolean prefix;
        boolean expression;

        Builder(String name, IndexKind kind) {
            this.name = name;
            this.kind = kind;
        }
    }
}
