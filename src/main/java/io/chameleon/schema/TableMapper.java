package io.chameleon.schema;

import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL shape of a MySQL table: columns through the {@link TypeMapper}, the primary key, and the
 * indexes PostgreSQL can build the same way (B-tree on whole columns); the others are noted and skipped.
 */
public final class TableMapper {

    private final TypeMapper types;

    public TableMapper(TypeMapper types) {
        this.types = types;
    }

    public PgTable map(SourceTable table, String destinationSchema) {
        List<PgColumn> columns = table.columns().stream().map(column -> types.map(table, column)).toList();
        List<String> notes = new ArrayList<>();
        columns.forEach(column -> notes.addAll(column.notes()));
        List<String> primaryKey = List.of();
        List<PgIndex> indexes = new ArrayList<>();
        for (SourceIndex index : table.indexes()) {
            if (index.kind() == IndexKind.PRIMARY) {
                primaryKey = index.columns();
            } else if (index.kind() == IndexKind.FULLTEXT || index.kind() == IndexKind.SPATIAL) {
                notes.add("index " + index.name() + " skipped: " + index.kind() + " indexes are not translated");
            } else if (index.hasPrefixParts()) {
                notes.add("index " + index.name() + " skipped: it indexes column prefixes, which PostgreSQL cannot");
            } else {
                indexes.add(new PgIndex(PgNames.index(table.name(), index.name()),
                        index.kind() == IndexKind.UNIQUE, index.columns()));
            }
        }
        return new PgTable(destinationSchema, table.name(), columns, primaryKey,
                table.replicaKey().orElse(List.of()), indexes, notes);
    }
}
