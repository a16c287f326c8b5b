package io.chameleon.config;

/**
 * What the copy and the stream do with a value a {@link io.chameleon.schema.ValueCodec} rejects ({@link io.chameleon.schema.BadValueException}). One
 * policy for both paths, so the copy and the stream never disagree about the same value. Every value or row the
 * policy sets aside is recorded in the catalogue's {@code discarded_row} table ({@code show_errors --bad-values}).
 * <ul>
 *   <li>{@link #NULL} (the default, what pg_chameleon does with zero dates): the value becomes NULL and is recorded
 *       with its row; the row is kept. Date, datetime and timestamp columns outside the replica key are created
 *       nullable (MySQL stores zero dates in NOT NULL columns), so a zero date never costs its row. Where a column
 *       stays NOT NULL (a key column, or a text column holding invalid bytes) the row is discarded as with
 *       {@code DISCARD}.</li>
 *   <li>{@link #DISCARD}: the row is not written to its table but to the discarded-rows table, with the reason and
 *       the column; replication does not stop. Columns keep their NOT NULL.</li>
 *   <li>{@link #ERROR}: the table stops replicating (the copy fails for it) with the exception's message.</li>
 * </ul>
 */
public enum BadValuePolicy {
    NULL,
    ERROR,
    DISCARD;

    public static final BadValuePolicy DEFAULT = NULL;

    /** Whether a zero date becomes NULL, so its column need not be NOT NULL in the target. */
    public boolean nullsValues() {
        return this == NULL;
    }
}
