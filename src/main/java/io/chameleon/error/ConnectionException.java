package io.chameleon.error;

/** A server could not be reached or refused the login; the message names the server, never the password. */
public class ConnectionException extends ChameleonException {

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.CONNECTION;
    }
}
