package io.chameleon.ddl;

/** A DDL statement on a replicated table whose effect on the structure cannot be worked out faithfully. */
public final class UntranslatableDdl extends Exception {

    public UntranslatableDdl(String message) {
        super(message);
    }
}
