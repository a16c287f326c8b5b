package io.chameleon.schema;

import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL shape of one MySQL table.
 *
 * @param schema     destination schema (the DDL may create it elsewhere first, e.g. in a loading schema)
 * @param primaryKey columns of MySQL's PRIMARY KEY, empty when it has none
 * @param keyColumns columns identifying a row in the stream (primary key, else a unique NOT NULL key); empty
 *                   when the table cannot be replicated
 * @param indexes    unique and plain indexes other than the primary key, built after the load
 * @param notes      what was not carried over (skipped indexes, dropped defaults), for the log
 */
public record PgTable(String schema, String name, List<PgColumn> columns, List<String> primaryKey,
                      List<String> keyColumns, List<PgIndex> indexes, List<String> notes) {

    public PgTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        keyColumns = List.copyOf(keyColumns);
        indexes = List.copyOf(indexes);
        notes = List.copyOf(notes);
    }

    public List<PgEnumType> enumTypes() {
        return columns.stream().map(PgColumn::enumType).filter(java.util.Objects::nonNull).toList();
    }

    public Optional<PgColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
