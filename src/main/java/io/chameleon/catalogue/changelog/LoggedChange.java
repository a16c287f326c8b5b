package io.chameleon.catalogue.changelog;

import io.chameleon.mysql.BinlogPosition;



/**
 * One event as the change log stores it: a row change (images in the binary form of {@code capture.values.RowImageEncoder}, for
 * the columns of {@code layout}; null where the operation has none), a truncate, or a schema change with the
 * PostgreSQL statements that replay runs for it.
 */
public record LoggedChange(int tableId, RowOperation operation, BinlogPosition position, long sourceMillis,
                    ImageLayout layout, byte[] before, byte[] after, String ddl) {

    public static LoggedChange row(ImageLayout layout, RowOperation operation, BinlogPosition position, long sourceMillis,
                            byte[] before, byte[] after) {
        return new LoggedChange(layout.tableId(), operation, position, sourceMillis, layout, before, after, null);
    }

    public static LoggedChange truncate(int tableId, BinlogPosition position, long sourceMillis) {
        return new LoggedChange(tableId, RowOperation.TRUNCATE, position, sourceMillis, null, null, null, null);
    }

    public static LoggedChange schemaChange(int tableId, BinlogPosition position, long sourceMillis, String ddl) {
        return new LoggedChange(tableId, RowOperation.SCHEMA, position, sourceMillis, null, null, null, ddl);
    }
}
