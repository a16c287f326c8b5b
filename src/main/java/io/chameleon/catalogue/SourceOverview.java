package io.chameleon.catalogue;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One line of {@code show_status}: a source with the times of the last event read and replayed (source clock)
 * and the lags derived from them; null where nothing was read or replayed yet.
 */
public record SourceOverview(int id, String name, String type, SourceStatus status, boolean consistent,
                             OffsetDateTime lastRead, Duration readLag,
                             OffsetDateTime lastReplay, Duration replayLag, Duration sinceAlive,
                             String processHost, Long processPid) {

    /** No pulse from a running replica for this long means its process is gone (the pulse beats every 5 s). */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(20);

    /** The status as operators should read it: a running source whose process stopped pulsing is dead. */
    public String effectiveStatus() {
        if (status == SourceStatus.RUNNING && (sinceAlive == null || sinceAlive.compareTo(DEAD_AFTER) > 0
                || processGoneOnThisHost())) {
            return "dead";
        }
        return status.label();
    }

    /** The recorded process ran on this host and no longer exists: no need to wait for the pulse to age. */
    private boolean processGoneOnThisHost() {
        if (processPid == null || processHost == null) {
            return false;
        }
        try {
            String here = java.net.InetAddress.getLocalHost().getHostName();
            return here.equals(processHost) && ProcessHandle.of(processPid).map(p -> !p.isAlive()).orElse(true);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
