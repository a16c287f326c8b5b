package io.chameleon.ops;

import org.jboss.logging.Logger;

import java.io.Writer;

/**
 * A writer whose whole lines go to the log at INFO with a prefix: what a command prints on the terminal (the copy's
 * progress and summary) goes to the replica's log when the replica process runs it itself.
 */
final class LoggedLines extends Writer {

    private final Logger log;
    private final String prefix;
    private final StringBuilder line = new StringBuilder();

    LoggedLines(Logger log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {
        // lines are logged as they end; a partial line waits for its end or close
    }

    @Override
    public synchronized void close() {
        emit();
    }

    private void emit() {
        if (!line.isEmpty()) {
            log.infof("%s %s", prefix, line);
            line.setLength(0);
        }
    }
}
