package io.chameleon.ops;

import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a stop request. The JVM's own handling runs the shutdown hooks and exits with 143 or 130,
 * so a replica stopped the ordinary way (stop_replica, systemd, docker stop) would look killed to its supervisor;
 * handled here, the replica stops at a transaction boundary, returns, and exits with 0.
 */
public final class StopSignals {

    private static final Logger LOG = Logger.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Installs the handlers; false when the platform refuses them (the shutdown hook then remains the way). */
    public static boolean install(Runnable requestStop) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                Signal.handle(new Signal(name), signal -> {
                    LOG.infof("signal SIG%s received: stopping at a transaction boundary", signal.getName());
                    requestStop.run();
                });
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debugf("signal handlers not installed: %s", e.getMessage());
            return false;
        }
    }
}
