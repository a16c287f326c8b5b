package io.chameleon.ops;

import io.chameleon.error.ConnectionException;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure that heals by itself (a server restarting, a connection cut, a lock or resource shortage) from
 * one that would only repeat: retrying the second kind is an endless loop that looks healthy.
 */
final class PassingFailures {

    private PassingFailures() {
    }

    static boolean isPassing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || isNetwork(t) || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && passingState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A broken or refused connection. Not every IOException: Jackson's parse errors are IOExceptions too, and a
     * catalogue structure that does not parse fails the same way on every retry.
     */
    private static boolean isNetwork(Throwable t) {
        return t instanceof SocketException || t instanceof EOFException || t instanceof InterruptedIOException
                || t instanceof UnknownHostException;
    }

    /**
     * SQLSTATE classes that heal: 08 connection exceptions, 53 insufficient resources, 57P operator intervention
     * (shutdown, start-up), 40001/40P01 serialization failure and deadlock, 55P03 lock not available.
     */
    private static boolean passingState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03"));
    }
}
