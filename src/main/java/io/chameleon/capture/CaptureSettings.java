package io.chameleon.capture;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.BadValuePolicy;

/**
 * @param batchRows            rows of whole transactions gathered before a batch is written (replica_batch_size)
 * @param transactionPartRows  rows of one open transaction kept in memory before they are written as a part
 */
record CaptureSettings(String sourceName, int batchRows, int transactionPartRows, BadValuePolicy badValuePolicy,
                       int queueCapacity) {

    static CaptureSettings of(SourceConfig source) {
        int batch = Math.max(1, source.replicaBatchSize());
        return new CaptureSettings(source.name(), batch, Math.max(batch, 50_000), source.badValuePolicy(), 4096);
    }
}
