package io.chameleon.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The notification channel on which the reader wakes the replay worker of its source after each committed batch.
 * A notification is only a hint: the worker also polls every sleep_loop, so a lost one costs latency, not data.
 */
public final class ReplayChannel {

    public static final String PREFIX = "chameleon_replay_";

    private ReplayChannel() {
    }

    public static String name(int sourceId) {
        return PREFIX + sourceId;
    }

    /** Queues the wake-up; PostgreSQL delivers it when the caller's transaction commits. */
    public static void notify(Connection connection, int sourceId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, name(sourceId));
            ps.execute();
        }
    }
}
