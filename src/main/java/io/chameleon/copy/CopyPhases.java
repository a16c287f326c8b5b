package io.chameleon.copy;

import java.time.Duration;

/**
 * Where one table's load spent its time: taking the snapshot (connections, lock, snapshot start), streaming the
 * rows, and building keys and indexes afterwards.
 *
 * @param ranges key ranges read at once (1 when the table was not split)
 */
record CopyPhases(int ranges, Duration snapshot, Duration copy, Duration keys) {

    static final CopyPhases NONE = new CopyPhases(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    CopyPhases plus(CopyPhases other) {
        return new CopyPhases(ranges + other.ranges, snapshot.plus(other.snapshot), copy.plus(other.copy),
                keys.plus(other.keys));
    }
}
