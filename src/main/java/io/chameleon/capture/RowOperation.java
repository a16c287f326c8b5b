package io.chameleon.capture;

/** The kind of a change the log stores, with its code (a truncate empties the table; a schema change runs DDL). */
enum RowOperation {
    INSERT('I'), UPDATE('U'), DELETE('D'), TRUNCATE('T'), SCHEMA('S');

    private final String text;

    RowOperation(char code) {
        this.text = String.valueOf(code);
    }

    String text() {
        return text;
    }

}
