package io.chameleon.copy;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.BadValuePolicy;

/**
 * How a copy runs.
 *
 * @param workers     tables copied at once; a table split into key ranges has at most this many readers
 * @param bufferBytes COPY buffer per worker, taken from copy_max_memory shared by the workers (at most 8 MiB each:
 *                    larger buffers do not load faster)
 * @param terminal    whether progress is drawn live (a terminal) or logged every ten seconds
 * @param splitRows   tables estimated at this many rows or more are copied in key ranges; 0 never splits
 */
public record CopySettings(int workers, int bufferBytes, BadValuePolicy badValuePolicy, boolean terminal,
                           long splitRows) {

    private static final int MAX_BUFFER = 8 << 20;

    public static CopySettings of(SourceConfig source, boolean terminal) {
        int workers = Math.max(1, source.copyWorkers());
        long perWorker = source.copyMaxMemoryBytes() / workers;
        return new CopySettings(workers, (int) Math.min(MAX_BUFFER, Math.max(64 * 1024, perWorker)),
                source.badValuePolicy(), terminal, source.copySplitRows());
    }
}
