package org.marginsentinel.domain.margin;

/** Finds the maintenance-margin schedule that applies to a position. */
@FunctionalInterface
public interface TierLookup {

    TierSchedule scheduleFor(Position position);
}
