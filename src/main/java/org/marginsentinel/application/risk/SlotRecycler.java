package org.marginsentinel.application.risk;

import java.util.Arrays;

/**
 * The free slots of a column store ({@link IsolatedBook}, {@link CrossPools}). A removed slot is not reused at once
 * but from the next scan on: a slot a scan flagged keeps naming the same position, or none, until the caller has
 * looked at it.
 */
final class SlotRecycler {

    /** What {@link #reuse()} answers when no slot is free: take a new one at the end. */
    static final int NONE = -1;

    private int[] free = new int[8];
    private int freeCount;
    private int[] released = new int[8];
    private int releasedCount;

    /** A slot to reuse, or {@link #NONE}. */
    int reuse() {
        return freeCount > 0 ? free[--freeCount] : NONE;
    }

    /** {@code slot} is empty now; it may be reused after the next {@link #recycleReleased()}. */
    void release(int slot) {
        if (releasedCount == released.length) {
            released = Arrays.copyOf(released, releasedCount * 2);
        }
        released[releasedCount++] = slot;
    }

    /** At the start of a scan: the slots released before it may be reused from now on. */
    void recycleReleased() {
        if (releasedCount == 0) {
            return;
        }
        if (freeCount + releasedCount > free.length) {
            free = Arrays.copyOf(free, Math.max(free.length * 2, freeCount + releasedCount));
        }
        System.arraycopy(released, 0, free, freeCount, releasedCount);
        freeCount += releasedCount;
        releasedCount = 0;
    }
}
