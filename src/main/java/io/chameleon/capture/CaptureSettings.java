package io.chameleon.capture;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.BadValuePolicy;

/**
 * @param batchRows            rows of whole transactions gathered before a batch is written (replica_batch_size)
 * @param transactionPartRows  rows of one open transaction kept in memory before they are written as a part
 * @param queueCapacity        decoded binlog events waiting for capture; a rows event holds up to a few hundred
 *                             rows, so this bounds the heap the reader can fill ahead of the writer
 * @param gatherMillis         how long whole transactions wait for more once the stream runs dry, so that a source
 *                             committing many small transactions gets a batch (one PostgreSQL transaction on each
 *                             side) per few dozen of them rather than one each
 */
record CaptureSettings(String sourceName, int batchRows, int transactionPartRows, BadValuePolicy badValuePolicy,
                       int queueCapacity, long gatherMillis) {

    /** Measured in docs/benchmarks.md (steady replication): the lag it adds is well under a second. */
    static final long GATHER_MILLIS = 50;

    static CaptureSettings of(SourceConfig source) {
        int batch = Math.max(1, source.replicaBatchSize());
        return new CaptureSettings(source.name(), batch, Math.max(batch, 50_000), source.badValuePolicy(), 256,
                GATHER_MILLIS);
    }
}
