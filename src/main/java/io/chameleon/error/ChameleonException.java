package io.chameleon.error;

/** Base of the expected failures: each family maps to its own exit status and is reported without a stack trace. */
public abstract class ChameleonException extends RuntimeException {

    protected ChameleonException(String message) {
        super(message);
    }

    protected ChameleonException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract ExitStatus exitStatus();
}
