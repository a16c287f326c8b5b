package io.chameleon.config;

/**
 * What the copy and the stream do with a value a {@link io.chameleon.schema.ValueCodec} rejects ({@link io.chameleon.schema.BadValueException}). One
 * policy for both paths, so the copy and the stream never disagree about the same value.
 * <ul>
 *   <li>{@link #DISCARD} (the default): the row is not written to its table but to the discarded-rows table,
 *       with the reason and the column; nothing is silently changed and replication does not stop.</li>
 *   <li>{@link #NULL}: the value becomes NULL; on a NOT NULL column that is impossible and the row is discarded
 *       as with {@code DISCARD}.</li>
 *   <li>{@link #ERROR}: the table stops replicating (the copy fails for it) with the exception's message.</li>
 * </ul>
 */
public enum BadValuePolicy {
    NULL,
    ERROR,
    DISCARD;

    public static final BadValuePolicy DEFAULT = DISCARD;
}
