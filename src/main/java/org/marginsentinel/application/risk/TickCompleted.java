package org.marginsentinel.application.risk;

import java.time.Duration;

/**
 * CDI event: a price update was evaluated against every open position. Fired after each tick the
 * feed triggers, for metrics; observers must be quick and must not throw.
 *
 * @param report what the tick did
 * @param took   wall time of the whole tick: screen, exact checks and the warnings it queued
 */
public record TickCompleted(TickReport report, Duration took) {
}
