package io.chameleon.capture;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.BadValuePolicy;

/**
 * @param batchRows            rows of whole transactions gathered before a batch is written (replica_batch_size)
 * @param transactionPartRows  rows of one open transaction kept in memory before they are written as a part
 * @param queueCapacity        decoded binlog events waiting for capture; a rows event holds up to a few hundred
 *                             rows, so this bounds the heap the reader can fill ahead of the writer
 */
record CaptureSettings(String sourceName, int batchRows, int transactionPartRows, BadValuePolicy badValuePolicy,
                       int queueCapacity) {

    static CaptureSettings of(SourceConfig source) {
        int batch = Math.max(1, source.replicaBatchSize());
        return new CaptureSettings(source.name(), batch, Math.max(batch, 50_000), source.badValuePolicy(), 256);
    }
}
