package io.chameleon.copy;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueException;

/** A value the target cannot hold, met while the bad-value policy is {@code error}: the copy stops. */
public final class BadDataException extends ChameleonException {

    BadDataException(SourceTable table, String key, String column, BadValueException cause) {
        super("table " + table.schema() + "." + table.name() + ", row " + key + ", column " + column + ": "
                + cause.getMessage() + " (bad_value_policy is error; set it to null or discard to go on)", cause);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.DATA;
    }
}
