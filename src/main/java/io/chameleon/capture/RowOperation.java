package io.chameleon.capture;

/** The kind of a change the log stores, with its code (a truncate empties the table). */
enum RowOperation {
    INSERT('I'), UPDATE('U'), DELETE('D'), TRUNCATE('T');

    private final char code;

    RowOperation(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }
}
