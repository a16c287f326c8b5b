package io.chameleon.replay;

/**
 * A change that could not be applied: where it came from, what was run and what the server said. Every field but
 * the source may be null (an error row must always be writable).
 */
public record ReplayFailure(int sourceId, Long batchId, String destinationSchema, String tableName,
                           String binlogFile, Long binlogPosition, String statement, String sqlState,
                           String message) {

    /** One line for logs and exceptions. */
    public String describe() {
        return "replay of source " + sourceId + " failed on table " + destinationSchema + "." + tableName
                + " at binlog " + binlogFile + ":" + binlogPosition + " (batch " + batchId + "): [" + sqlState + "] "
                + message + "; statement: " + statement;
    }
}
