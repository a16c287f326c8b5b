package io.chameleon.testsupport;

/** A test server could not be found, started, stopped or used; the message says which and where. */
public final class ServerException extends RuntimeException {

    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
