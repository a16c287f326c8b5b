package io.chameleon.error;

/** Process exit codes, one per failure family, documented in README.md. */
public enum ExitStatus {
    OK(0),
    INTERNAL(1),
    USAGE(2),
    CONFIGURATION(3),
    CONNECTION(4),
    STATE(5),
    DATA(6);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
