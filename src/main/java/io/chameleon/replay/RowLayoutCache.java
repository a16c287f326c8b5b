package io.chameleon.replay;

import io.chameleon.catalogue.RowLayoutRepository;
import io.chameleon.catalogue.RowLayoutRepository.RowLayout;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The row layouts a replay worker has read, kept between its chunks: a layout id never changes its meaning (the
 * catalogue's serial does not reuse ids), so a chunk asks the catalogue only for layouts it has not seen, in one
 * query, rather than one query per table per chunk. Bounded: the least recently used go first.
 */
final class RowLayoutCache {

    private static final int CAPACITY = 4096;

    private final Map<Integer, RowLayout> layouts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RowLayout> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Reads the layouts among {@code ids} not held yet, all in one query. */
    void load(Collection<Integer> ids, RowLayoutRepository repository) throws SQLException {
        Integer[] missing = ids.stream().filter(id -> !layouts.containsKey(id)).distinct().toArray(Integer[]::new);
        if (missing.length > 0) {
            layouts.putAll(repository.find(missing));
        }
    }

    /** The layout with this id, when held (after {@link #load}). */
    RowLayout get(Integer id) {
        return layouts.get(id);
    }
}
