package org.marginsentinel.adapter.prices;

import java.time.Instant;
import java.util.Optional;

/**
 * The feed's memory of one source: until when to leave it alone, and which problems were already
 * logged. Only touched from the (single) polling thread.
 */
final class SourceGate {

    final MarkSource source;
    private Instant closedUntil;
    private boolean regionBlocked;
    private boolean failing;
    private int rateLimitStrikes;

    SourceGate(MarkSource source) {
        this.source = source;
    }

    String name() {
        return source.name();
    }

    String displayName() {
        return source.displayName();
    }

    /** May we send a request now? */
    boolean allows(Instant now) {
        return closedUntil == null || !now.isBefore(closedUntil);
    }

    Optional<Instant> closedUntil() {
        return Optional.ofNullable(closedUntil);
    }

    void closeUntil(Instant until) {
        closedUntil = until;
    }

    boolean regionBlocked() {
        return regionBlocked;
    }

    /** Marks the source as refusing our region; true the first time (so the caller logs once). */
    boolean markRegionBlocked() {
        boolean first = !regionBlocked;
        regionBlocked = true;
        return first;
    }

    /** Marks the source as failing; true when it was healthy before (so the caller logs once). */
    boolean markFailing() {
        boolean first = !failing;
        failing = true;
        return first;
    }

    /** Counts one more rate-limit answer in a row and returns the count. */
    int strike() {
        return ++rateLimitStrikes;
    }

    /** The source answered well. Returns what was wrong before, for a one-time log line. */
    Recovery recovered() {
        Recovery recovery = regionBlocked ? Recovery.REGION_UNBLOCKED : failing ? Recovery.BACK : Recovery.NONE;
        closedUntil = null;
        regionBlocked = false;
        failing = false;
        rateLimitStrikes = 0;
        return recovery;
    }

    enum Recovery { NONE, BACK, REGION_UNBLOCKED }
}
