package io.chameleon.capture.binlog;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;


/** The reader cannot go on: the source cannot be read or a change cannot be logged. */
public class CaptureException extends ChameleonException {

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.CONNECTION;
    }
}
