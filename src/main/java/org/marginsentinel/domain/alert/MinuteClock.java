package org.marginsentinel.domain.alert;

import java.time.Instant;

/** Minute arithmetic shared by the per-minute ring buffers. */
final class MinuteClock {

    private MinuteClock() {
    }

    /** Whole minutes since the epoch (floored, so instants before 1970 work too). */
    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    static Instant startOf(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }

    /** Marks an empty slot of a balance ring. */
    static final long EMPTY = Long.MIN_VALUE;

    /**
     * Moves a ring whose newest minute is {@code latest} (Long.MIN_VALUE: never written) to {@code minute},
     * emptying the slots of the minutes skipped over, and returns the new newest minute. A minute at or before
     * {@code latest} leaves the ring as it is (late samples count for the newest minute).
     */
    static long advance(Object[] ring, long latest, long minute) {
        if (latest == Long.MIN_VALUE) {
            return minute;
        }
        if (minute <= latest) {
            return latest;
        }
        long steps = Math.min(minute - latest, ring.length);
        for (long step = 1; step <= steps; step++) {
            ring[slot(latest + step, ring.length)] = null;
        }
        return minute;
    }

    /** {@link #advance(Object[], long, long)} for a ring of primitives, where {@link #EMPTY} marks a gap. */
    static long advance(long[] ring, long latest, long minute) {
        if (latest == Long.MIN_VALUE) {
            return minute;
        }
        if (minute <= latest) {
            return latest;
        }
        long steps = Math.min(minute - latest, ring.length);
        for (long step = 1; step <= steps; step++) {
            ring[slot(latest + step, ring.length)] = EMPTY;
        }
        return minute;
    }

    /** The ring slot of a minute. */
    static int slot(long minute, int length) {
        return (int) Math.floorMod(minute, (long) length);
    }
}
