package io.chameleon.replay;

import io.chameleon.postgres.Sequences;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the identity and serial sequences of replicated tables past the values replay writes, so that a replica
 * promoted without detach_replica (failover) accepts inserts without a key. Replay writes explicit values, which
 * never move a sequence; this moves it once per chunk: the highest value written per sequence is compared with what
 * the sequence is known to have handed out (read once per sequence and worker, then followed in memory), and only
 * the sequences behind are set, all in one statement. A chunk of updates below the sequence costs nothing.
 */
final class SequenceFollower {

    private static final Logger LOG = Logger.getLogger(SequenceFollower.class);

    private final Map<Long, Sequences.State> known = new HashMap<>();
    private final Map<Long, Long> written = new HashMap<>();

    /** Starts a chunk: what an earlier, rolled back chunk wrote is forgotten. */
    void startChunk() {
        written.clear();
    }

    /** Values the chunk wrote to a table's sequenced columns, in {@link ReplayTable#sequenced()} order. */
    void wrote(List<ReplayTable.SequencedColumn> columns, List<Long> maxima) {
        for (int i = 0; i < columns.size(); i++) {
            Long value = maxima.get(i);
            if (value != null) {
                written.merge(columns.get(i).sequenceOid(), value, Math::max);
            }
        }
    }

    /**
     * Moves the sequences the chunk wrote past (setval is not transactional: a chunk rolled back afterwards leaves
     * the sequence ahead, which only skips values). Returns how many moved.
     */
    int advance(Connection connection) throws SQLException {
        if (written.isEmpty()) {
            return 0;
        }
        List<Long> unknown = written.keySet().stream().filter(oid -> !known.containsKey(oid)).toList();
        if (!unknown.isEmpty()) {
            known.putAll(Sequences.states(connection, unknown));
        }
        Map<Long, Long> moves = new HashMap<>();
        Map.copyOf(written).forEach((oid, value) -> {
            Sequences.State state = known.get(oid);
            if (state == null || value <= state.taken()) {
                return;
            }
            if (value > state.max()) {
                LOG.warnf("event=sequence_not_advanced sequence_oid=%d value=%d max=%d", oid, value, state.max());
                known.put(oid, new Sequences.State(Long.MAX_VALUE, state.max())); // said once
                return;
            }
            moves.put(oid, value);
        });
        Sequences.setTaken(connection, moves);
        moves.forEach((oid, value) -> known.put(oid, new Sequences.State(value, known.get(oid).max())));
        written.clear();
        return moves.size();
    }
}
