package io.chameleon.verify;

import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.postgres.PgIdentifiers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Chunks of a table as ranges of an integer key column, the same condition written for MySQL and for PostgreSQL
 * (integers order alike on both, unlike text under collations). The first and last ranges are open, so rows
 * inserted beyond the minimum or maximum while verify runs still fall in a chunk.
 */
record KeyRangeChunks(List<Chunk> chunks) {

    /** @param mysql the condition on the source, null for the whole table; {@code postgres} on the replica */
    record Chunk(String mysql, String postgres) {
    }

    static KeyRangeChunks whole() {
        return new KeyRangeChunks(List.of(new Chunk(null, null)));
    }

    /** About {@code estimatedRows / chunkRows} ranges of equal width between min and max. */
    static KeyRangeChunks of(String sourceColumn, String replicaColumn, BigInteger min, BigInteger max,
                             long estimatedRows, int chunkRows) {
        long count = Math.max(1, Math.min(10_000, (estimatedRows + chunkRows - 1) / Math.max(1, chunkRows)));
        BigInteger width = max.subtract(min).add(BigInteger.ONE).divide(BigInteger.valueOf(count)).max(BigInteger.ONE);
        List<BigInteger> bounds = new ArrayList<>();
        for (BigInteger b = min.add(width); b.compareTo(max) <= 0; b = b.add(width)) {
            bounds.add(b);
        }
        if (bounds.isEmpty()) {
            return whole();
        }
        String m = MySqlIdentifiers.quote(sourceColumn);
        String p = PgIdentifiers.quote(replicaColumn);
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(new Chunk(m + " < " + bounds.get(0), p + " < " + bounds.get(0)));
        for (int i = 1; i < bounds.size(); i++) {
            String low = bounds.get(i - 1).toString();
            String high = bounds.get(i).toString();
            chunks.add(new Chunk(m + " >= " + low + " AND " + m + " < " + high,
                    p + " >= " + low + " AND " + p + " < " + high));
        }
        String last = bounds.get(bounds.size() - 1).toString();
        chunks.add(new Chunk(m + " >= " + last, p + " >= " + last));
        return new KeyRangeChunks(chunks);
    }
}
