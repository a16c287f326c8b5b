package io.chameleon.error;

/** The command line lacks something the command needs (for example --source). */
public class UsageException extends ChameleonException {

    public UsageException(String message) {
        super(message);
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.USAGE;
    }
}
