package io.chameleon.mysql;

import java.util.List;
import java.util.Optional;

/**
 * A base table of a replicated MySQL database.
 *
 * @param transactional the engine supports transactions (ENGINES.TRANSACTIONS): the copy can read a consistent
 *                      snapshot instead of holding a lock for the whole table
 * @param indexes       PRIMARY first, then unique ones, then the rest, each group by name
 */
public record SourceTable(String schema, String name, String engine, boolean transactional,
                          List<SourceColumn> columns, List<SourceIndex> indexes, long estimatedRows,
                          long dataLength) {

    public static final String NO_REPLICA_KEY = "no primary key or unique key on NOT NULL columns";

    public SourceTable {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    /** The columns identifying a row in the stream: the primary key, else the first unique key on NOT NULL columns. */
    public Optional<List<String>> replicaKey() {
        return indexes.stream()
                .filter(index -> index.kind() == IndexKind.PRIMARY)
                .findFirst()
                .or(() -> indexes.stream()
                        .filter(index -> index.kind() == IndexKind.UNIQUE && allNotNull(index.columns()))
                        .findFirst())
                .map(SourceIndex::columns);
    }

    /** Why the table cannot be replicated, when it cannot. */
    public Optional<String> notReplicatedReason() {
        return replicaKey().isPresent() ? Optional.empty() : Optional.of(NO_REPLICA_KEY);
    }

    public Optional<SourceColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    private boolean allNotNull(List<String> columnNames) {
        // a nullable unique key admits several rows with NULL there: it cannot identify a row
        return columnNames.stream().allMatch(name -> column(name).map(column -> !column.nullable()).orElse(false));
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
