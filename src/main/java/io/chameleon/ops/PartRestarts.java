package io.chameleon.ops;

import io.chameleon.mysql.BinlogPosition;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The restarts of the replica's parts after passing failures, so that a part stuck retrying at one binlog position
 * is shown as such (status detail, readiness) instead of looking healthy.
 */
public final class PartRestarts {

    static final String READER = "reader";
    static final String REPLAY = "replay";

    /** What show_status and the health checks say while a part is restarting. */
    public record Restarting(String part, int restarts, BinlogPosition position, Instant since, Instant latest,
                      String lastFailure) {
        public String describe() {
            return part + " restarting: " + restarts + (restarts == 1 ? " restart" : " restarts")
                    + (position == null ? "" : " at " + position) + " since " + since + "; last failure: "
                    + lastFailure;
        }
    }

    private Restarting current;
    private final Map<String, AtomicLong> totals =
            Map.of(READER, new AtomicLong(),
                    REPLAY, new AtomicLong());

    /** Restarts of a part ({@code reader} or {@code replay}) since the process started, for the metrics. */
    public long total(String part) {
        return totals.get(part).get();
    }

    public static List<String> parts() {
        return List.of(READER, REPLAY);
    }

    /** Counts a restart; the count starts over when the reader got past the position of the previous one. */
    synchronized Restarting restarted(String part, BinlogPosition position, String failure) {
        boolean samePlace = current != null && current.part().equals(part)
                && Objects.equals(current.position(), position);
        current = samePlace
                ? new Restarting(part, current.restarts() + 1, position, current.since(), Instant.now(), failure)
                : new Restarting(part, 1, position, Instant.now(), Instant.now(), failure);
        totals.get(part).incrementAndGet();
        return current;
    }

    /** The part works again (the reader moved on, or a part ran longer than its backoff). */
    synchronized void recovered(String part) {
        if (current != null && current.part().equals(part)) {
            current = null;
        }
    }

    synchronized Restarting current() {
        return current;
    }
}
