package io.chameleon.config;

/** Whether a key must be written in the file; mirrors which keys pg_chameleon reads without a fallback. */
public enum Requirement {
    /** Must be present with a value. */
    REQUIRED("yes"),
    /** Must be present, but may be left empty (pg_chameleon reads the key, an empty value is fine). */
    REQUIRED_MAY_BE_EMPTY("yes, may be empty"),
    /** Required for {@code type: mysql} sources; pgsql sources (copy only) fall back to the default. */
    REQUIRED_FOR_MYSQL("mysql sources"),
    /** Required for {@code type: pgsql} sources only. */
    REQUIRED_FOR_PGSQL("pgsql sources"),
    /** May be left out; the default applies. */
    OPTIONAL("no");

    private final String label;

    Requirement(String label) {
        this.label = label;
    }

    /** How the reference documentation shows it. */
    public String label() {
        return label;
    }

    boolean appliesTo(SourceType sourceType) {
        return switch (this) {
            case REQUIRED, REQUIRED_MAY_BE_EMPTY -> true;
            case REQUIRED_FOR_MYSQL -> sourceType == SourceType.MYSQL;
            case REQUIRED_FOR_PGSQL -> sourceType == SourceType.PGSQL;
            case OPTIONAL -> false;
        };
    }
}
