package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;

import java.time.Duration;

/** The source's binlog files, as a test that needs them gone sees them. */
final class SourceBinlogs {

    private SourceBinlogs() {
    }

    /**
     * Starts a new binlog and purges every older one, as a server does whose binlog retention ran out; returns the
     * one left. MariaDB keeps a file a binlog dump thread still reads, so it purges again until the file of a
     * reader that just stopped is gone.
     */
    static String purgeAllButANewOne(MariaDbDatabase source) {
        source.execute("FLUSH BINARY LOGS");
        String newest = (String) source.queryForList("SHOW MASTER STATUS").get(0).get(0);
        Eventually.equals(newest, () -> {
            source.execute("PURGE BINARY LOGS TO '" + newest + "'");
            return source.queryForList("SHOW BINARY LOGS").get(0).get(0);
        }, Duration.ofSeconds(30));
        return newest;
    }
}
