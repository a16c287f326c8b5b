package io.chameleon.replay;

/** Place of an event in the change log: batches in id order, events in sequence within a batch. */
record EventPosition(long batchId, int eventSeq) {

    static final EventPosition BEFORE_ALL = new EventPosition(Long.MIN_VALUE, Integer.MIN_VALUE);
    static final EventPosition AFTER_ALL = new EventPosition(Long.MAX_VALUE, Integer.MAX_VALUE);

    String sqlRow() {
        return "(" + batchId + ", " + eventSeq + ")";
    }
}
