package io.chameleon.copy;

/**
 * How far a running copy is, for the metrics endpoint.
 *
 * @param rowsCopied    rows copied so far, all tables
 * @param rowsEstimated the source's row estimates of the tables to copy (statistics: may be off either way)
 * @param tablesCopied  tables finished
 * @param tables        tables to copy
 */
public record CopyProgress(long rowsCopied, long rowsEstimated, int tablesCopied, int tables) {

    public static final CopyProgress NONE = new CopyProgress(0, 0, 0, 0);
}
