package org.marginsentinel.application.risk;

/**
 * Something the screen flagged for an exact look: an isolated position (its symbol id and slot in that
 * symbol's {@link IsolatedBook}) or a cross pool (symbol {@link #CROSS_POOL}, slot in {@link CrossPools}).
 */
record Candidate(int symbol, int slot) {

    static final int CROSS_POOL = -1;

    static Candidate pool(int pool) {
        return new Candidate(CROSS_POOL, pool);
    }

    boolean isCrossPool() {
        return symbol == CROSS_POOL;
    }
}
