package io.chameleon.catalogue.changelog;

import io.chameleon.catalogue.changelog.ChangeLogFormat;


/** The kind of a change the log stores, with its code (a truncate empties the table; a schema change runs DDL). */
public enum RowOperation {
    INSERT(ChangeLogFormat.INSERT), UPDATE(ChangeLogFormat.UPDATE), DELETE(ChangeLogFormat.DELETE),
    TRUNCATE(ChangeLogFormat.TRUNCATE), SCHEMA(ChangeLogFormat.SCHEMA);

    private final byte[] code;

    RowOperation(char code) {
        this.code = new byte[] {(byte) code};
    }

    /** The code as the change log's {@code char(1)} column holds it, in COPY's binary form (not to be modified). */
    byte[] codeBytes() {
        return code;
    }
}
