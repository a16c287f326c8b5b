package io.chameleon.ops;

import io.chameleon.error.ConnectionException;

import java.io.IOException;
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
            if (t instanceof ConnectionException || t instanceof IOException || t instanceof SQLTransientException
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
     * SQLSTATE classes that heal: 08 connection exceptions, 53 insufficient resources, 57P operator intervention
     * (shutdown, start-up), 40001/40P01 serialization failure and deadlock, 55P03 lock not available.
     */
    private static boolean passingState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03"));
    }
}
