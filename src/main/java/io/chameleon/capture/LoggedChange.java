package io.chameleon.capture;

import io.chameleon.mysql.BinlogPosition;

/** One row change as the change log stores it; images are JSON text, null where the operation has none. */
record LoggedChange(int tableId, RowOperation operation, BinlogPosition position, long sourceMillis,
                    String before, String after) {
}
