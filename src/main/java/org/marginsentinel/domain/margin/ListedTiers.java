package org.marginsentinel.domain.margin;

import java.util.Objects;

/** A symbol's published tier schedule and where it came from. */
public record ListedTiers(TierSchedule schedule, TierSource source) {

    public ListedTiers {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(source, "source");
    }
}
