package io.chameleon.notify;

import java.util.Locale;

/**
 * Severity of an alert, pg_chameleon's four Rollbar levels, most severe first. {@code --rollbar-level L} sends the
 * alerts of level L and above: {@code critical} only crashes, {@code info} (the default) everything.
 */
public enum NotificationLevel {
    CRITICAL, ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an alert of this level passes the threshold given by --rollbar-level. */
    public boolean passes(NotificationLevel threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
