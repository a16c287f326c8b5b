package io.chameleon.capture;

import io.chameleon.mysql.BinlogPosition;

/**
 * One event as the change log stores it: a row change (images are UTF-8 JSON, null where the operation has none),
 * a truncate, or a schema change with the PostgreSQL statements that replay runs for it.
 */
record LoggedChange(int tableId, RowOperation operation, BinlogPosition position, long sourceMillis,
                    byte[] before, byte[] after, String ddl) {

    LoggedChange(int tableId, RowOperation operation, BinlogPosition position, long sourceMillis, byte[] before,
                 byte[] after) {
        this(tableId, operation, position, sourceMillis, before, after, null);
    }

    static LoggedChange schemaChange(int tableId, BinlogPosition position, long sourceMillis, String ddl) {
        return new LoggedChange(tableId, RowOperation.SCHEMA, position, sourceMillis, null, null, ddl);
    }
}
