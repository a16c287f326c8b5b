package io.chameleon.capture.values;

import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What an image of a table is made of: its source columns in binlog order beside their target columns, and the
 * positions that make the whole row and the replica key, and each column's shortcut to its image text. Worked out
 * once per table structure, used for every row.
 */
public record ImageColumns(List<SourceColumn> sourceColumns, List<PgColumn> targetColumns, List<String> keyColumns,
                           int[] allColumns, int[] keyColumnIndexes, ColumnShortcut[] shortcuts) {

    public static ImageColumns of(SourceTable source, PgTable target) {
        List<String> names = source.columns().stream().map(SourceColumn::name).toList();
        return new ImageColumns(source.columns(), target.columns(), target.keyColumns(),
                IntStream.range(0, names.size()).toArray(),
                target.keyColumns().stream().mapToInt(names::indexOf).toArray(),
                ColumnShortcut.of(source.columns(), target.columns()));
    }

    /** The layout the change log registers for these images: the target columns in binlog order, and the key. */
    public ImageLayout layout(int tableId) {
        return new ImageLayout(tableId, targetColumns.stream().map(PgColumn::name).toList(), keyColumns);
    }
}
