package io.chameleon.schema;

import io.chameleon.mysql.SourceColumn;

/** A MySQL column type with no mapping; {@code type_override} cannot help because the values need a codec too. */
public final class UnsupportedTypeException extends IllegalArgumentException {

    public UnsupportedTypeException(SourceColumn column) {
        super("column " + column.name() + ": MySQL type " + column.columnType() + " has no PostgreSQL mapping; "
                + "exclude the table with skip_tables");
    }
}
