package org.marginsentinel.domain.watch;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a watched account's data is coming in, and what the user has been told about it: an outage is told once
 * when it has lasted {@code tellAfter}, and its end once, only if the outage was told.
 *
 * @param unavailableSince the first failed poll since the last good one; null while data comes in
 * @param told             the user has been told about the current outage
 */
public record Availability(Instant unavailableSince, boolean told) {

    public static final Availability OK = new Availability(null, false);

    /** What to do after a poll. */
    public enum Tell { NOTHING, UNAVAILABLE, BACK }

    public record Step(Availability next, Tell tell) {
    }

    public Step failed(Instant now, Duration tellAfter) {
        Instant since = unavailableSince == null ? now : unavailableSince;
        if (!told && !now.isBefore(since.plus(tellAfter))) {
            return new Step(new Availability(since, true), Tell.UNAVAILABLE);
        }
        return new Step(new Availability(since, told), Tell.NOTHING);
    }

    public Step succeeded() {
        return new Step(OK, told ? Tell.BACK : Tell.NOTHING);
    }

    public boolean available() {
        return unavailableSince == null;
    }
}
