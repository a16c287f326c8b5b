package io.chameleon.catalogue;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The last copy of a source as the catalogue records it (show_status). A copy recorded as running whose process no
 * longer exists on this host was killed: {@link #effectiveState()} says so.
 *
 * @param state         running, finished, failed or killed, as recorded
 * @param rowsEstimated the source's row estimates of the tables to copy (statistics: may be off either way)
 * @param message       how it ended (the error of a failed copy), null while running
 * @param sinceUpdate   time since its last progress write, by the catalogue's clock
 */
public record CopyRun(int sourceId, String command, String state, int tablesTotal, int tablesDone, long rowsCopied,
                      long rowsEstimated, long bytesCopied, String host, long pid, OffsetDateTime startedAt,
                      OffsetDateTime updatedAt, OffsetDateTime endedAt, String message, Duration sinceUpdate) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String KILLED = "killed";
    /** A running copy writes its progress every 2 s; one silent this long is gone, whatever host it ran on. */
    public static final Duration SILENT_AFTER = Duration.ofSeconds(60);

    /**
     * The recorded state, or {@code killed} when it says running but its process is gone from this host or has not
     * written its progress for {@link #SILENT_AFTER}.
     */
    public String effectiveState() {
        return RUNNING.equals(state) && processGone() ? KILLED : state;
    }

    /** Whether the process recorded as copying has ended: gone from this host, or silent for too long. */
    public boolean processGone() {
        if (sinceUpdate != null && sinceUpdate.compareTo(SILENT_AFTER) > 0) {
            return true;
        }
        return thisHost().equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** The name this host records itself under (as the replica's pulse does). */
    public static String thisHost() {
        String name = hostName;
        if (name == null) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                name = "unknown";
            }
            hostName = name; // the lookup may take seconds where the host name does not resolve
        }
        return name;
    }

    private static volatile String hostName;

    /** Time from the start to the end, or to the last update while it runs. */
    public Duration elapsed() {
        OffsetDateTime until = endedAt != null ? endedAt : updatedAt;
        return Duration.between(startedAt, until);
    }
}
