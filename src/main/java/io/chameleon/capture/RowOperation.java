package io.chameleon.capture;

/** The kind of a change the log stores, with its code (a truncate empties the table; a schema change runs DDL). */
enum RowOperation {
    INSERT('I'), UPDATE('U'), DELETE('D'), TRUNCATE('T'), SCHEMA('S');

    private final String text;
    private final byte[] code;

    RowOperation(char code) {
        this.text = String.valueOf(code);
        this.code = new byte[] {(byte) code};
    }

    String text() {
        return text;
    }

    /** The code as the change log's {@code char(1)} column holds it, in COPY's binary form (not to be modified). */
    byte[] codeBytes() {
        return code;
    }
}
