package io.chameleon.catalogue;

import java.util.Locale;

/** Life cycle of a source, as stored in the catalogue (same names as pg_chameleon's). */
public enum SourceStatus {
    READY, INITIALISING, INITIALISED, SYNCING, SYNCED, STOPPED, RUNNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** States in which a process works on the source, so the catalogue must not change under it. */
    public boolean isActive() {
        return this == RUNNING || this == SYNCING || this == INITIALISING;
    }
}
