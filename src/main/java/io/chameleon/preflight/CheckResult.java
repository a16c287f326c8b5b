package io.chameleon.preflight;

/**
 * One line of the pre-flight report.
 *
 * @param area   {@code mysql} or {@code postgresql}
 * @param name   what was checked, e.g. {@code binlog_format}
 * @param found  the value found (never a secret)
 * @param fix    what to do; empty for ok
 * @param stream whether the binlog stream needs it (start_replica refuses on it); copy-only checks are false
 * @param cheap  cheap enough to run before every init_replica and start_replica
 */
public record CheckResult(Status status, String area, String name, String found, String fix, boolean stream,
                          boolean cheap) {

    public enum Status { OK, WARN, FAIL }

    static CheckResult ok(String area, String name, String found) {
        return new CheckResult(Status.OK, area, name, found, "", true, false);
    }

    static CheckResult warn(String area, String name, String found, String fix) {
        return new CheckResult(Status.WARN, area, name, found, fix, true, false);
    }

    static CheckResult fail(String area, String name, String found, String fix) {
        return new CheckResult(Status.FAIL, area, name, found, fix, true, false);
    }

    /** Marks the check as one init_replica and start_replica run first. */
    CheckResult runFirst() {
        return new CheckResult(status, area, name, found, fix, stream, true);
    }

    /** Marks the check as needed by the copy only. */
    CheckResult copyOnly() {
        return new CheckResult(status, area, name, found, fix, false, cheap);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** {@code area name: found; fix}, as a refusal message line. */
    public String describe() {
        return area + " " + name + ": " + found + (fix.isEmpty() ? "" : "; fix: " + fix);
    }
}
