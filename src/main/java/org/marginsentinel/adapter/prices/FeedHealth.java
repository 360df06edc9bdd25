package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the feed as a whole delivers: since when no poll brought data, and whether that was announced.
 * Pure (the time is passed in); used under the poll lock, read from any thread.
 */
public final class FeedHealth {

    /** A change worth telling everyone about. */
    public sealed interface Change {
        /** No data for {@code pauseAfter}: warnings and liquidations are paused. */
        record Paused(Instant since) implements Change {
        }

        /** Data again after an announced pause. */
        record Resumed(Instant pausedSince, Instant at) implements Change {
        }
    }

    private final Duration pauseAfter;
    private volatile Instant deadSince;
    private boolean pauseAnnounced;

    public FeedHealth(Duration pauseAfter) {
        this.pauseAfter = pauseAfter;
    }

    /** A poll brought data. */
    public Optional<Change> gotData(Instant now) {
        Instant pausedSince = deadSince;
        deadSince = null;
        if (!pauseAnnounced) {
            return Optional.empty();
        }
        pauseAnnounced = false;
        return Optional.of(new Change.Resumed(pausedSince, now));
    }

    /** A poll brought nothing. */
    public Optional<Change> noData(Instant now) {
        if (deadSince == null) {
            deadSince = now;
        }
        if (pauseAnnounced || now.isBefore(deadSince.plus(pauseAfter))) {
            return Optional.empty();
        }
        pauseAnnounced = true;
        return Optional.of(new Change.Paused(deadSince));
    }

    /** When polls started failing without a good one since; empty while the feed delivers. */
    public Optional<Instant> deadSince() {
        return Optional.ofNullable(deadSince);
    }

    public void reset() {
        deadSince = null;
        pauseAnnounced = false;
    }
}
