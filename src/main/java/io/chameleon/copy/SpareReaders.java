package io.chameleon.copy;

import java.util.concurrent.Semaphore;

/**
 * Readers a copy may open beyond one per table loading, lent to the large tables it splits into key ranges: a big
 * table then uses the workers that small or finished tables leave idle, while the sessions opened on each server
 * stay below twice copy_workers.
 */
final class SpareReaders {

    private final Semaphore spare;

    SpareReaders(int count) {
        this.spare = new Semaphore(Math.max(0, count));
    }

    /** Takes as many spare readers as are free, at most {@code wanted}, without waiting. */
    int borrowUpTo(int wanted) {
        int borrowed = 0;
        while (borrowed < wanted && spare.tryAcquire()) {
            borrowed++;
        }
        return borrowed;
    }

    void giveBack(int count) {
        spare.release(count);
    }
}
