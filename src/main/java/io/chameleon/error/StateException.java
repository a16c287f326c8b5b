package io.chameleon.error;

/**
 * The request does not fit the current state: catalogue missing or of another version, source unknown or
 * already registered, replica running. The message says what to run to fix it.
 */
public class StateException extends ChameleonException {

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.STATE;
    }
}
