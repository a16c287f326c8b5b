package io.chameleon.ops;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

/** The replica stopped because one of its parts failed for good; the source is left in status error. */
public final class ReplicaFailedException extends ChameleonException {

    ReplicaFailedException(String message) {
        super(message);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.STATE;
    }
}
