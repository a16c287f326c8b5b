package io.chameleon.ops;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

/** The replica stopped because one of its parts failed for good; the source is left in status error. */
public final class ReplicaFailedException extends ChameleonException {

    private final ExitStatus exitStatus;

    /** @param exitStatus the family of the failure that stopped it: the process exits with its code */
    ReplicaFailedException(String message, ExitStatus exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    @Override
    public ExitStatus exitStatus() {
        return exitStatus;
    }
}
