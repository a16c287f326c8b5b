package io.chameleon.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One alert: what happened ({@code event}, e.g. {@code copy_finished}), to which source, in a sentence, with the
 * figures a receiver may want to act on. Never holds a password or token: it is built from names, counts and
 * error messages only.
 */
public record Notification(String event, NotificationLevel level, String source, String message,
                           Map<String, Object> details, Instant time) {

    public Notification {
        details = Map.copyOf(details);
    }
}
