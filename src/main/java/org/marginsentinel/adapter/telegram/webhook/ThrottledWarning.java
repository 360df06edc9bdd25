package org.marginsentinel.adapter.telegram.webhook;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval for a repeated event (a flood of wrong webhook secrets must not flood the
 * log): the first occurrence is logged at once, later ones within the interval only counted, and the next line
 * says how many were left out. Thread safe.
 */
final class ThrottledWarning {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean loggedOnce;
    private long lastLoggedAt;
    private long suppressed;

    ThrottledWarning(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Records one occurrence.
     *
     * @return -1 when this one must not be logged; otherwise how many earlier ones went unlogged (0 for none)
     */
    synchronized long occurred() {
        long now = nanoTime.getAsLong();
        if (loggedOnce && now - lastLoggedAt < intervalNanos) {
            suppressed++;
            return -1;
        }
        loggedOnce = true;
        lastLoggedAt = now;
        long left = suppressed;
        suppressed = 0;
        return left;
    }
}
