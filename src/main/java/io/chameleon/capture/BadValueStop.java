package io.chameleon.capture;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

/** A streamed value the target cannot hold while {@code bad_value_policy} is {@code error}: the reader stops. */
public final class BadValueStop extends ChameleonException {

    BadValueStop(String message) {
        super(message);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.DATA;
    }
}
