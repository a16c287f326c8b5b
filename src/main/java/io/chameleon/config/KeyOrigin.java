package io.chameleon.config;

/** Who defined a key: pg_chameleon's own format, or an addition of ours that pg_chameleon would ignore. */
public enum KeyOrigin {
    PG_CHAMELEON("pg_chameleon"),
    CHAMELEON("chameleon");

    private final String label;

    KeyOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
