package io.chameleon.catalogue;

import io.chameleon.error.StateException;

/** Another process became the active one of the source: this one must not write anything more. */
public final class FencedOutException extends StateException {

    public FencedOutException(int sourceId, long epoch, long current) {
        super("source id " + sourceId + ": another process became the active replica (epoch " + current
                + ", this process holds " + epoch + "); this process stops writing and waits as a standby");
    }
}
