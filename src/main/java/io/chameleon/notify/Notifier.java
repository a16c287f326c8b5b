package io.chameleon.notify;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigurationException;
import io.chameleon.config.Secret;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends alerts to Rollbar ({@code rollbar_key} + {@code rollbar_env}, as pg_chameleon does) and to the generic
 * {@code notification_webhook}, filtered by {@code --rollbar-level}. Delivery is asynchronous: an alert is put on a
 * bounded queue without waiting and one daemon thread posts it with short timeouts, so a receiver that hangs, refuses
 * or fails costs the caller (the replay worker, the reader, a copy) nothing; what cannot be delivered is logged and
 * dropped. The configured passwords and tokens are masked in every alert.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    static final int QUEUE_CAPACITY = 256;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** How long a command that ends waits for its alerts to go out. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final List<NotificationSink> sinks;
    private final NotificationLevel threshold;
    private final List<String> secrets;
    private final BlockingQueue<Notification> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    /** One log line per interval at most for alerts dropped, and for alerts a receiver did not take. */
    private final LogThrottle dropLog = new LogThrottle(LOG_INTERVAL);
    private final LogThrottle failureLog = new LogThrottle(LOG_INTERVAL);
    private Thread worker;

    Notifier(List<NotificationSink> sinks, NotificationLevel threshold, List<String> secrets) {
        this.sinks = List.copyOf(sinks);
        this.threshold = threshold;
        this.secrets = List.copyOf(secrets);
    }

    /** Sends nothing (no alert configured, or a test). */
    public static Notifier none() {
        return new Notifier(List.of(), NotificationLevel.INFO, List.of());
    }

    /**
     * The receivers the configuration names: Rollbar when both rollbar_key and rollbar_env are set, the webhook when
     * notification_webhook is; none otherwise.
     *
     * @param host how alerts name the machine they come from (the caller's process identity)
     */
    public static Notifier of(ChameleonConfig config, NotificationLevel threshold, String host) {
        List<NotificationSink> sinks = new ArrayList<>();
        if (!config.rollbarKey().isEmpty() && !config.rollbarEnv().isEmpty()) {
            sinks.add(new RollbarSink(url(config.rollbarEndpoint(), "rollbar_endpoint", config, true),
                    config.rollbarKey(), config.rollbarEnv(), host));
        }
        if (!config.notificationWebhook().isEmpty()) {
            sinks.add(new WebhookSink(url(config.notificationWebhook().reveal(), "notification_webhook", config,
                    false), host));
        }
        List<String> secrets = new ArrayList<>();
        addSecret(secrets, config.rollbarKey());
        addSecret(secrets, config.notificationWebhook());
        addSecret(secrets, config.pgConn().password());
        config.sources().values().forEach(s -> addSecret(secrets, s.dbConn().password()));
        return new Notifier(sinks, threshold, secrets);
    }

    /** Whether any receiver is configured. */
    public boolean enabled() {
        return !sinks.isEmpty();
    }

    /** The replica stopped on a failure it cannot get past (status error): pg_chameleon's crash alert. */
    public void replicaStopped(String source, String reason) {
        send("replica_stopped", NotificationLevel.CRITICAL, source, "replica of source " + source
                + " stopped on an error: " + reason, Map.of("reason", reason));
    }

    /** A replay error switched a table off (on_error_replay: continue). */
    public void tableDisabled(String source, String table, String sqlState, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("table", table);
        details.put("sqlstate", String.valueOf(sqlState));
        details.put("error", String.valueOf(message));
        send("table_disabled", NotificationLevel.ERROR, source, "replication of table " + table + " of source "
                + source + " was switched off by a replay error [" + sqlState + "]: " + message
                + "; see show_errors, then sync_tables --tables disabled", details);
    }

    /** init_replica, sync_tables, refresh_schema or copy_schema finished. */
    public void copyFinished(String source, String command, int tables, long rows, Duration elapsed) {
        send("copy_finished", NotificationLevel.INFO, source, command + " of source " + source + " finished: "
                        + tables + " tables, " + rows + " rows in " + elapsed.toSeconds() + " s",
                Map.of("command", command, "tables", tables, "rows", rows, "seconds", elapsed.toSeconds()));
    }

    /** A copy failed (nothing of it was published). */
    public void copyFailed(String source, String command, String error) {
        send("copy_failed", NotificationLevel.CRITICAL, source, command + " of source " + source + " failed: "
                + error, Map.of("command", command, "error", String.valueOf(error)));
    }

    /**
     * detach_replica finished: the source is detached and its schemas stand alone. For the detach command.
     *
     * @param summary one line (tables, sequences set, foreign keys created and not valid, final position)
     * @param details the same figures by name, for receivers that act on them
     */
    public void detachFinished(String source, String summary, Map<String, Object> details) {
        send("detach_finished", NotificationLevel.INFO, source, "source " + source + " detached: " + summary,
                details);
    }

    /** Queues an alert of this level and above the threshold; never waits, never throws. */
    public void send(String event, NotificationLevel level, String source, String message,
                     Map<String, Object> details) {
        if (sinks.isEmpty() || !level.passes(threshold)) {
            return;
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        details.forEach((key, value) -> masked.put(key, value instanceof String text ? mask(text) : value));
        Notification notification = new Notification(event, level, source, mask(message), masked, Instant.now());
        pending.incrementAndGet();
        if (!queue.offer(notification)) {
            pending.decrementAndGet();
            undelivered.incrementAndGet();
            long suppressed = dropLog.suppressedIfTooSoon();
            if (suppressed >= 0) {
                LOG.warnf("event=notification_dropped alert=%s source=%s dropped_since_last_line=%d reason=\"queue"
                        + " of %d alerts full: the receivers do not keep up\"", event, source, suppressed,
                        QUEUE_CAPACITY);
            }
            return;
        }
        startWorker();
    }

    /** Waits until every queued alert was posted or given up, at most {@code timeout}; whether all were. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pending) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(pending, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Alerts a receiver accepted (2xx), and alerts dropped or refused, since this notifier was made. */
    public long delivered() {
        return delivered.get();
    }

    public long undelivered() {
        return undelivered.get();
    }

    /** Gives the queued alerts {@link #CLOSE_WAIT} to go out (a command about to exit), then stops. */
    @Override
    public void close() {
        if (!flush(CLOSE_WAIT)) {
            LOG.warnf("event=notification_dropped reason=\"%d alerts not delivered within %d s of the end\"",
                    pending.get(), CLOSE_WAIT.toSeconds());
        }
        Thread running;
        synchronized (this) {
            running = worker;
            worker = null;
        }
        if (running != null) {
            running.interrupt();
        }
    }

    private synchronized void startWorker() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::deliver, "notifier");
        worker.setDaemon(true);
        worker.start();
    }

    private void deliver() {
        while (!Thread.currentThread().isInterrupted()) {
            Notification notification;
            try {
                notification = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                for (NotificationSink sink : sinks) {
                    post(sink, notification);
                }
            } finally {
                synchronized (pending) {
                    pending.decrementAndGet();
                    pending.notifyAll();
                }
            }
        }
    }

    private void post(NotificationSink sink, Notification notification) {
        try {
            int status = send(sink.request(notification));
            if (status / 100 == 2) {
                delivered.incrementAndGet();
                return;
            }
            undelivered.incrementAndGet();
            long suppressed = failureLog.suppressedIfTooSoon();
            if (suppressed >= 0) {
                LOG.warnf("event=notification_not_delivered receiver=\"%s\" alert=%s source=%s status=%d"
                        + " failed_since_last_line=%d", sink.describe(), notification.event(), notification.source(),
                        status, suppressed);
            }
        } catch (Exception e) {
            undelivered.incrementAndGet();
            long suppressed = failureLog.suppressedIfTooSoon();
            if (suppressed >= 0) {
                LOG.warnf("event=notification_not_delivered receiver=\"%s\" alert=%s source=%s reason=\"%s\""
                        + " failed_since_last_line=%d", sink.describe(), notification.event(), notification.source(),
                        mask(e.toString()), suppressed);
            }
        }
    }

    /**
     * Posts one alert and answers the receiver's status. A plain {@link HttpURLConnection}, not {@code HttpClient}:
     * that one sets up TLS and a selector thread even for an http:// receiver, about a tenth of a CPU-second on the
     * first alert, taken from replication on a small machine (docs/benchmarks.md, issue 15).
     */
    private static int send(HttpPost post) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) post.url().toURL().openConnection();
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            post.headers().forEach(connection::setRequestProperty);
            byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (answer != null) {
                try (answer) {
                    answer.readAllBytes(); // the receiver's answer is not used
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, Secret.MASK);
        }
        return masked;
    }

    private static void addSecret(List<String> secrets, Secret secret) {
        if (secret != null && secret.reveal().length() >= 4) {
            secrets.add(secret.reveal());
        }
    }

    private static URI url(String text, String key, ChameleonConfig config, boolean showable) {
        try {
            URI uri = URI.create(text.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigurationException(key + " in " + config.file() + " is not an http:// or https:// URL"
                + (showable ? " ('" + text + "')" : "") + "; write the receiver's full URL, e.g."
                + " https://api.rollbar.com/api/1/item/");
    }
}
