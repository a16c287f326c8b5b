package io.chameleon.verify;

/** A row that differs between source and replica, by its key ({@code col=value, ...}, PostgreSQL text). */
public record Difference(Kind kind, String key) {

    public enum Kind {
        /** In the source, not in the replica. */
        MISSING,
        /** In the replica, not in the source. */
        EXTRA,
        /** In both with other values. */
        DIFFERENT;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
