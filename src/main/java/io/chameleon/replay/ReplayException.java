package io.chameleon.replay;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

/**
 * Replay stopped on a change it could not apply (on_error_replay: exit). The source is left in status error; this
 * is a state failure (exit status 5) because the source now needs an operator: fix the table or the data, then
 * re-enable the replica. The message names table, binlog position, statement and the server's message.
 */
public class ReplayException extends ChameleonException {

    private final transient ReplayFailure failure;

    public ReplayException(ReplayFailure failure, Throwable cause) {
        super(failure.describe() + "; the source is now in status error: fix the table or the data, then run"
                + " 'chameleon enable_replica'", cause);
        this.failure = failure;
    }

    public ReplayFailure failure() {
        return failure;
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.STATE;
    }
}
