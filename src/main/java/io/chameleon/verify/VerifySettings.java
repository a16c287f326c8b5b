package io.chameleon.verify;

import java.time.Duration;

/**
 * @param rowsPerSecond most source rows read per second (0: no limit), so the source's own workload is not starved
 * @param chunkRows     rows a key-range chunk aims at (from the source's row estimate)
 * @param rechecks      how many times a differing chunk is read again once the replica passed the source position
 * @param waitLimit     longest wait for the replica to pass that position before a re-check
 * @param shownPerTable differing keys listed per table (all are counted)
 */
public record VerifySettings(double rowsPerSecond, int chunkRows, int rechecks, Duration waitLimit,
                             int shownPerTable) {
}
