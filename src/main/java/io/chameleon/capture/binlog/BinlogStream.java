package io.chameleon.capture.binlog;

import io.chameleon.config.ErrorPolicy;
import io.chameleon.config.SourceConfig;
import io.chameleon.error.Backoff;
import io.chameleon.mysql.BinaryLogs;
import io.chameleon.mysql.BinlogPosition;

import io.chameleon.tls.TlsFailure;
import com.github.shyiko.mysql.binlog.BinaryLogClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Keeps a binlog connection streaming into the queue: connects at a transaction boundary, and when the stream
 * breaks (connection lost, silent server, undecodable event) lets the consumer drop the open transaction, then
 * reconnects with backoff from the end of the last whole transaction. Under {@code on_error_read: exit} it gives
 * up after a few failed attempts; under {@code continue} it keeps trying. It never stops silently.
 */
public final class BinlogStream {

    private static final Logger LOG = Logger.getLogger(BinlogStream.class);
    private static final int ATTEMPTS_BEFORE_EXIT = 5;
    private static final int SAME_POSITION_FAILURES = 3;

    private final SourceConfig source;
    private final BlockingQueue<CapturedEvent> queue;
    private final Duration heartbeat;
    private volatile BinaryLogClient client;
    private volatile BinlogEventTranslator translator;
    private volatile String failure;

    /** Reads the oldest binlog the server still has, for the message when the one needed was purged. */
    @FunctionalInterface
    public interface OldestBinlog {
        Optional<String> read() throws SQLException;
    }

    private final OldestBinlog oldestBinlog;

    public BinlogStream(SourceConfig source, BlockingQueue<CapturedEvent> queue, OldestBinlog oldestBinlog) {
        this.source = source;
        this.queue = queue;
        this.oldestBinlog = oldestBinlog;
        this.heartbeat = Duration.ofSeconds(Math.max(1, source.sleepLoopSeconds()));
    }

    /** Streams until {@code stop} says so; throws when the source cannot be read any more. */
    public void run(BinlogPosition start, BooleanSupplier stop) {
        BinlogPosition position = start;
        int failedAttempts = 0;
        int failuresHere = 0;
        BinlogPosition lastFailurePosition = null;
        while (!stop.getAsBoolean()) {
            failure = null;
            BinlogEventTranslator translator = new BinlogEventTranslator(queue, position, this::breakOff);
            boolean streamed = stream(position, translator, stop);
            if (stop.getAsBoolean()) {
                return;
            }
            String reason = failure != null ? failure : "connection to the source closed";
            position = resumePosition(translator, reason, position);
            if (BinaryLogs.isPurged(reason)) {
                throw purged(position, reason); // no retry can bring the binlog back
            }
            failedAttempts = streamed ? 0 : failedAttempts + 1;
            failuresHere = position.equals(lastFailurePosition) && failure != null ? failuresHere + 1 : 0;
            lastFailurePosition = failure != null ? position : null;
            if (failuresHere >= SAME_POSITION_FAILURES) {
                throw new CaptureException("the binlog cannot be read past " + position + ": " + reason);
            }
            if (source.onErrorRead() == ErrorPolicy.EXIT && failedAttempts >= ATTEMPTS_BEFORE_EXIT) {
                throw new CaptureException("cannot read the binlog of source " + source.name() + " after "
                        + failedAttempts + " attempts (on_error_read is exit): " + reason);
            }
            Duration backoff = Backoff.after(failedAttempts);
            LOG.warnf("binlog stream interrupted source=%s position=%s reason=\"%s\" retry_in=%ss", source.name(),
                    position, reason, backoff.toSeconds());
            Backoff.sleep(backoff, stop);
        }
    }

    private PurgedBinlogException purged(BinlogPosition needed, String reason) {
        String oldest;
        try {
            oldest = oldestBinlog.read().map(file -> "the oldest binlog it still has is " + file)
                    .orElse("it lists no binlog at all");
        } catch (SQLException | RuntimeException e) {
            oldest = "its binlogs could not be listed: " + e.getMessage();
        }
        return new PurgedBinlogException(needed, "source " + source.name() + " needs the binlog from " + needed + ", which the"
                + " server no longer has (purged, or expired by binlog_expire_logs_seconds/expire_logs_days); "
                + oldest + ". The changes since " + needed + " cannot be replicated any more: copy the source again"
                + " with 'chameleon init_replica --source " + source.name() + "' (or 'sync_tables --tables …' for"
                + " the tables that changed), and keep binlogs longer than the replica may be stopped. Server said: "
                + reason);
    }

    /** Breaks the connection off from outside (stop, or a silent server). */
    public void disconnect() {
        BinlogEventTranslator current0 = translator;
        if (current0 != null) {
            current0.close();
        }
        BinaryLogClient current = client;
        if (current != null) {
            try {
                current.disconnect();
            } catch (IOException e) {
                LOG.debugf("disconnect failed: %s", e.getMessage());
            }
        }
    }

    /** @return whether the connection got as far as streaming */
    private boolean stream(BinlogPosition position, BinlogEventTranslator translator, BooleanSupplier stop) {
        this.translator = translator;
        BinaryLogClient next = BinlogClients.create(source, position);
        next.registerEventListener(translator);
        next.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                breakOff("undecodable event after " + position + ": " + withCause(ex));
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                if (failure == null) {
                    failure = "communication failure: " + withCause(ex);
                }
            }
        });
        client = next;
        Watchdog watchdog = new Watchdog(translator, heartbeat.multipliedBy(3).plusSeconds(5), this::breakOff);
        try {
            LOG.infof("binlog stream connecting source=%s position=%s%s", source.name(), position,
                    source.gtidEnable() && position.gtidSet() != null ? " gtid=" + position.gtidSet() : "");
            watchdog.start();
            next.connect();
            return next.getConnectionId() > 0;
        } catch (IOException e) {
            failure = "cannot connect to the binlog of MySQL " + source.dbConn().host() + ':' + source.dbConn().port()
                    + ": " + e.getMessage() + TlsFailure.explain(e, TlsFailure.Side.MYSQL).map(t -> " (" + t + ")")
                    .orElse("");
            return false;
        } finally {
            watchdog.stop();
            client = null;
        }
    }

    /** The library wraps what failed in an event's decoding ("Failed to deserialize data of …"): say both. */
    private static String withCause(Exception ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == ex || root.getMessage() == null ? String.valueOf(ex.getMessage())
                : ex.getMessage() + ": " + root.getMessage();
    }

    private void breakOff(String reason) {
        if (failure == null) {
            failure = reason;
        }
        Thread disconnector = new Thread(this::disconnect, "binlog-disconnect");
        disconnector.setDaemon(true);
        disconnector.start();
    }

    private static BinlogPosition resumePosition(BinlogEventTranslator translator, String reason, BinlogPosition fallback) {
        try {
            return translator.interrupted(reason).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException | TimeoutException e) {
            throw new CaptureException("the capture consumer did not answer after the stream broke: " + reason);
        }
    }
}
