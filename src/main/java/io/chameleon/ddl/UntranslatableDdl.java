package io.chameleon.ddl;

public final class UntranslatableDdl extends Exception {
    public UntranslatableDdl(String message) {
        super(message);
    }
}
