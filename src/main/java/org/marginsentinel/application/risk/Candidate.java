package org.marginsentinel.application.risk;

/**
 * Something the screen flagged for an exact look.
 *
 * @param isolatedSlot index into the book's isolated arrays, or {@link #CROSS_POOL}
 */
record Candidate(UserBook book, int isolatedSlot) {

    static final int CROSS_POOL = -1;

    boolean isCrossPool() {
        return isolatedSlot == CROSS_POOL;
    }
}
