package io.chameleon.tls;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

/** A certificate or key file that cannot be used; the message names the file and the fix. */
public final class TlsSetupException extends ChameleonException {

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.CONFIGURATION;
    }
}
